namespace Archon.Core.Search.Execution;

/// <summary>An architecture scored on a list of items: mean score (0–100), its standard error, per-query cost figures
/// (<see cref="CostUsd"/>: the architecture's own $/query, cache hits at what they would have cost), and what its runs
/// actually spent in total (<see cref="SpentUsd"/>; the rest of <see cref="TotalCostUsd"/> was saved by reuse).</summary>
public sealed record ArchitectureScore(double Score, double StdError, double CostUsd, double LatencyMs, double OutputTokensPerCall,
    long CallsNeeded, long CallsMade, IReadOnlyList<CandidateItemScore> ItemScores)
{
    /// <summary>Cost of all items as if run alone (sum, not mean).</summary>
    public double TotalCostUsd { get; init; }

    /// <summary>What the calls that reached a model cost (sum over items).</summary>
    public double SpentUsd { get; init; }
}
