namespace Archon.Core.Search;

/// <summary>
/// The axes of the search space and their ranges. Defaults are the paper's space: top-K generators 1–10, samples 1–5,
/// fusion layers 1–4, fusers per intermediate layer 2–10, pre-fuser none/ranker/critic+ranker, evaluation layer
/// none/verifier/unit tests, at most 24 initial candidates — 9,576 architectures.
/// </summary>
public sealed record SearchSpaceBounds
{
    public int MinGenerators { get; init; } = 1;
    public int MaxGenerators { get; init; } = 10;
    public int MinSamples { get; init; } = 1;
    public int MaxSamples { get; init; } = 5;
    public int MinFusionLayers { get; init; } = 1;
    public int MaxFusionLayers { get; init; } = 4;
    public int MinFusers { get; init; } = 2;
    public int MaxFusers { get; init; } = 10;
    public IReadOnlyList<PreFuserOption> PreFuser { get; init; } = [PreFuserOption.None, PreFuserOption.Ranker, PreFuserOption.CriticRanker];
    public IReadOnlyList<EvaluationOption> Evaluation { get; init; } = [EvaluationOption.None, EvaluationOption.Verifier, EvaluationOption.UnitTests];

    /// <summary>Upper bound on generators × samples (the paper's 24).</summary>
    public int MaxInitialCandidates { get; init; } = 24;

    /// <summary>Ranker keeps this many candidates (capped by the candidates it receives).</summary>
    public int RankerTopK { get; init; } = 5;

    /// <summary>Returns the first rule the bounds break, or null when they are consistent.</summary>
    public string? Validate()
    {
        if (MinGenerators < 1 || MaxGenerators < MinGenerators) return "generators: need 1 <= min <= max";
        if (MinSamples < 1 || MaxSamples < MinSamples) return "samples: need 1 <= min <= max";
        if (MinFusionLayers < 1 || MaxFusionLayers < MinFusionLayers) return "fusion_layers: need 1 <= min <= max";
        if (MinFusers < 1 || MaxFusers < MinFusers) return "fusers: need 1 <= min <= max";
        if (PreFuser.Count == 0) return "pre_fuser: list at least one option";
        if (Evaluation.Count == 0) return "evaluation: list at least one option";
        if (MaxInitialCandidates < 1) return "max_initial_candidates: must be >= 1";
        if (RankerTopK < 1) return "ranker_top_k: must be >= 1";
        return null;
    }
}
