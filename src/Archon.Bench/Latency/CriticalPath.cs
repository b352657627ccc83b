using Archon.Core.Architecture;

namespace Archon.Bench.Latency;

/// <summary>
/// The best any schedule can do for one query when every call takes the same time and each model admits at most
/// <c>cap</c> calls in flight: layers run one after another; inside a layer a component's stages run one after another
/// (a verifier reasons, then gives its verdict); a stage's calls to one model go out in waves of at most the cap, and
/// models run side by side, so a stage takes as many waves as its busiest model needs. Call counts follow the
/// components' first pass (no parse retries), with candidate counts as they flow through the layers (rankers and
/// evaluators cut them, generators and fusers replace them); a component that has no candidates to read makes no call.
/// </summary>
public static class CriticalPath
{
    public static CriticalPathPlan Compute(ArchitectureConfig architecture, int maxConcurrencyPerModel, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrencyPerModel, 1);
        var layers = new List<CriticalPathLayer>(architecture.Layers.Count);
        var candidates = 0;
        foreach (var layer in architecture.Layers)
        {
            // stage index → model → calls at that stage.
            var stages = new List<Dictionary<string, int>>();
            foreach (var c in layer.Components)
            {
                var perStage = CallsPerStage(c, candidates);
                for (var s = 0; s < perStage.Count; s++)
                {
                    if (stages.Count <= s)
                    {
                        stages.Add(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase));
                    }

                    stages[s][c.Model] = stages[s].GetValueOrDefault(c.Model) + perStage[s];
                }
            }

            var waves = stages.Sum(stage => stage.Values.Where(n => n > 0).Select(n => Waves(n, maxConcurrencyPerModel)).DefaultIfEmpty(0).Max());
            layers.Add(new CriticalPathLayer(stages.Sum(stage => stage.Values.Sum()), waves) { Stages = stages });
            candidates = Next(layer.Components, candidates);
        }

        var total = layers.Sum(l => l.Waves);
        return new CriticalPathPlan(layers, layers.Sum(l => l.Calls), total, total * latency.TotalMilliseconds);
    }

    private static int Waves(int calls, int cap) => (calls + cap - 1) / cap;

    private static List<int> CallsPerStage(ComponentConfig c, int candidates)
    {
        var samples = Math.Max(1, c.Samples);
        return c.Type switch
        {
            ComponentTypes.Verifier => candidates == 0 ? [] : [candidates * samples, candidates * samples],
            ComponentTypes.UnitTestEvaluator => candidates == 0 ? [] : [candidates * samples],
            ComponentTypes.Critic or ComponentTypes.Ranker or ComponentTypes.Fuser => candidates == 0 ? [] : [samples],
            _ => [samples],
        };
    }

    private static int Next(IReadOnlyList<ComponentConfig> components, int candidates)
    {
        var first = components[0];
        return first.Type switch
        {
            ComponentTypes.Generator or ComponentTypes.Fuser => components.Sum(c => Math.Max(1, c.Samples)),
            ComponentTypes.Ranker => first.TopK is { } k ? Math.Min(candidates, k) : candidates,
            ComponentTypes.Verifier => first.FirstK is { } k ? Math.Min(candidates, k) : candidates,
            ComponentTypes.UnitTestEvaluator => first.FirstPass ? Math.Min(candidates, 1)
                : (first.FirstK ?? first.TopK) is { } k ? Math.Min(candidates, k) : candidates,
            _ => candidates,
        };
    }
}
