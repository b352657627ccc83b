namespace Archon.Core.Search;

/// <summary>Knobs shared by the algorithms. Defaults are documented in samples/search/README.md.</summary>
public sealed record SearchAlgorithmOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Budget in full-evaluation equivalents (a point scored on a third of the items costs 1/3).</summary>
    public double MaxEvaluations { get; init; } = 250;

    /// <summary>Architectures proposed per round.</summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>Random points before the GP takes over.</summary>
    public int InitialPoints { get; init; } = 12;

    /// <summary>Objective = score − λ · $/query.</summary>
    public double Lambda { get; init; }

    /// <summary>BO stops once the best EI falls under this share of the observed objective spread (after <see cref="MinEvaluations"/>).</summary>
    public double EiStopFraction { get; init; } = 0.001;

    public int MinEvaluations { get; init; } = 100;

    /// <summary>Successive halving: keep 1/η of a rung; rungs are fidelities η^-k up to 1.</summary>
    public int Eta { get; init; } = 3;

    public int Rungs { get; init; } = 3;

    public string? Validate()
    {
        if (MaxEvaluations <= 0) return "max_evaluations: must be > 0";
        if (BatchSize < 1) return "batch_size: must be >= 1";
        if (InitialPoints < 1) return "initial_points: must be >= 1";
        if (Lambda < 0) return "lambda: must be >= 0";
        if (Eta < 2) return "eta: must be >= 2";
        if (Rungs < 1 || Rungs > 5) return "rungs: must be 1..5";
        return null;
    }
}
