namespace Archon.Core.Search;

/// <summary>
/// The axes of the search space as lists of allowed values (the paper's axes). Defaults are the paper's
/// general-purpose space: top-K generators 1–10, samples 1–5, fusion layers 1–4, each intermediate fusion layer 2–10
/// fusers in steps of 2 (non-increasing across layers), critic/ranker choice before every fusion layer as one axis,
/// evaluation layer none/verifier/unit tests, ranker top-5, at most 24 initial candidates.
/// </summary>
public sealed record SearchSpaceBounds
{
    public IReadOnlyList<int> Generators { get; init; } = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    public IReadOnlyList<int> Samples { get; init; } = [1, 2, 3, 4, 5];
    public IReadOnlyList<int> FusionLayers { get; init; } = [1, 2, 3, 4];
    public IReadOnlyList<int> FusionWidths { get; init; } = [2, 4, 6, 8, 10];
    public IReadOnlyList<PreFuserOption> PreFuser { get; init; } = [PreFuserOption.None, PreFuserOption.Ranker, PreFuserOption.CriticRanker];
    public PreFusionMode PreFusionMode { get; init; } = PreFusionMode.AllLayers;
    public IReadOnlyList<EvaluationOption> Evaluation { get; init; } = [EvaluationOption.None, EvaluationOption.Verifier, EvaluationOption.UnitTests];
    public IReadOnlyList<int> RankerTopK { get; init; } = [5];

    /// <summary>Upper bound on generators × samples (the paper's 24); null = none.</summary>
    public int? MaxInitialCandidates { get; init; } = 24;

    /// <summary>Models available to rank (top-K cannot exceed it); null = not known yet (e.g. before preprocessing).</summary>
    public int? ModelCount { get; init; }

    public int MaxFusionLayers => FusionLayers.Count == 0 ? 0 : FusionLayers.Max();

    public int MaxWidth => FusionWidths.Count == 0 ? 0 : FusionWidths.Max();

    /// <summary>Returns the first rule the axes break as "field: rule", or null when they are consistent.</summary>
    public string? Validate()
    {
        if (Generators.Count == 0 || Generators.Any(g => g < 1)) return "generators: list at least one top-K value, each >= 1";
        if (Samples.Count == 0 || Samples.Any(s => s < 1)) return "samples: list at least one value, each >= 1";
        if (FusionLayers.Count == 0 || FusionLayers.Any(l => l is < 1 or > 8)) return "fusion_layers: list at least one value, each 1..8";
        if (MaxFusionLayers > 1 && (FusionWidths.Count == 0 || FusionWidths.Any(w => w < 1)))
            return "fusion_widths: list at least one width >= 1 (needed when fusion_layers allows more than one layer)";
        if (PreFuser.Count == 0) return "pre_fuser: list at least one option";
        if (Evaluation.Count == 0) return "evaluation: list at least one option";
        if (RankerTopK.Count == 0 || RankerTopK.Any(k => k < 1)) return "ranker_top_k: list at least one value, each >= 1";
        if (MaxInitialCandidates is < 1) return "max_initial_candidates: must be >= 1";
        return null;
    }
}
