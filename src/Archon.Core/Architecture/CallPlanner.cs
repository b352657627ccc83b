namespace Archon.Core.Architecture;

/// <summary>
/// Counts the model calls an architecture will make for one query, from its config alone, before anything is
/// scheduled. It follows the components' first pass: generators, fusers, critics, rankers and unit-test generators
/// call once per sample; a verifier twice per candidate and sample (reasoning, then verdict); a unit-test evaluator
/// once per candidate and sample. Candidate counts are the validator's upper bounds, so the figure is an upper bound
/// of first-pass calls (parse retries, at most <see cref="Components.ModelCalls.MaxParseRetries"/> per call, come on
/// top). Arithmetic saturates at <see cref="long.MaxValue"/>, so absurd sample counts cannot overflow into a small number.
/// </summary>
public static class CallPlanner
{
    /// <summary>Planned first-pass calls per layer, in layer order.</summary>
    public static IReadOnlyList<long> PerLayer(ArchitectureConfig architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var perLayer = new List<long>(architecture.Layers.Count);
        long candidates = 0;
        foreach (var layer in architecture.Layers)
        {
            long calls = 0;
            foreach (var c in layer.Components)
            {
                long samples = Math.Max(1, c.Samples);
                calls = Add(calls, c.Type switch
                {
                    ComponentTypes.Verifier => Multiply(Multiply(2, Math.Max(1, candidates)), samples),
                    ComponentTypes.UnitTestEvaluator => Multiply(Math.Max(1, candidates), samples),
                    _ => samples,
                });
            }

            perLayer.Add(calls);
            candidates = Next(layer.Components, candidates);
        }

        return perLayer;
    }

    /// <summary>Planned first-pass calls of one query.</summary>
    public static long Total(ArchitectureConfig architecture) => PerLayer(architecture).Aggregate(0L, Add);

    private static long Next(IReadOnlyList<ComponentConfig> components, long candidates)
    {
        if (components.Count == 0)
        {
            return candidates;
        }

        var first = components[0];
        return first.Type switch
        {
            ComponentTypes.Generator or ComponentTypes.Fuser => components.Aggregate(0L, (sum, c) => Add(sum, Math.Max(1, c.Samples))),
            ComponentTypes.Ranker => first.TopK is { } k ? Math.Min(candidates, k) : candidates,
            ComponentTypes.Verifier => first.FirstK is { } k ? Math.Min(candidates, k) : candidates,
            ComponentTypes.UnitTestEvaluator => first.FirstPass ? Math.Min(candidates, 1)
                : (first.FirstK ?? first.TopK) is { } k ? Math.Min(candidates, k) : candidates,
            ComponentTypes.Critic or ComponentTypes.UnitTestGenerator => candidates,
            // A custom component may return any number of candidates; assume it keeps them.
            _ => candidates,
        };
    }

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
