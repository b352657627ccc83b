using Archon.Core.Components;

namespace Archon.Core.Architecture;

/// <summary>What the validator knows statically after each layer: candidate count bound, critiques, unit tests.</summary>
internal sealed class CandidateFlow(ComponentRegistry registry)
{
    /// <summary>Upper bound on the candidates leaving the last applied layer; null when a custom component makes it unknown.</summary>
    public int? Count { get; private set; } = 0;
    public bool HasCandidates => Count is null or > 0;
    public bool HasCritiques { get; private set; }
    public bool HasUnitTests { get; private set; }

    /// <summary>True while every layer so far was a generator or unit-test generator layer.</summary>
    public bool OnlyGenerated { get; private set; } = true;

    public void Apply(IReadOnlyList<ComponentConfig> components)
    {
        var first = components[0];
        var count = Count;
        OnlyGenerated &= first.Type is ComponentTypes.Generator or ComponentTypes.UnitTestGenerator;
        switch (first.Type)
        {
            case ComponentTypes.Generator:
            case ComponentTypes.Fuser:
                // Both replace the candidate list with their own outputs (and critiques of the old list vanish).
                count = components.Sum(c => c.Samples);
                HasCritiques = false;
                break;
            case ComponentTypes.Ranker:
                count = Min(count, first.TopK);
                break;
            case ComponentTypes.Critic:
                HasCritiques = true;
                break;
            case ComponentTypes.Verifier:
                count = Min(count, first.FirstK);
                break;
            case ComponentTypes.UnitTestGenerator:
                HasUnitTests = true;
                break;
            case ComponentTypes.UnitTestEvaluator:
                // first_k applies only when enough candidates pass every test; otherwise top_k (all when unset) does.
                count = Min(count, first.TopK);
                break;
            default:
                var effect = registry.TryGetRegistration(first.Type, out var r) ? r.Effect : CandidateEffect.Unknown;
                count = effect == CandidateEffect.Filters ? count : null;
                break;
        }

        Count = count;
    }

    private static int? Min(int? count, int? limit) => (count, limit) switch
    {
        (null, _) => null,
        (var c, null) => c,
        var (c, l) => Math.Min(c.Value, l.Value),
    };
}
