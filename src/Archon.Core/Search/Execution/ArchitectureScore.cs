namespace Archon.Core.Search.Execution;

/// <summary>An architecture scored on a list of items: mean score (0–100), its standard error, per-query cost figures,
/// and the items that got no answer because their model calls failed (<see cref="FailedItems"/>, first
/// <see cref="Error"/>) or the per-query budget stopped them (<see cref="OverBudgetItems"/>).</summary>
public sealed record ArchitectureScore(double Score, double StdError, double CostUsd, double LatencyMs, double OutputTokensPerCall,
    long CallsNeeded, long CallsMade, IReadOnlyList<CandidateItemScore> ItemScores, int FailedItems = 0, int OverBudgetItems = 0, string? Error = null)
{
    /// <summary>Every item's model calls failed: the figures measure nothing.</summary>
    public bool AllFailed => ItemScores.Count > 0 && FailedItems == ItemScores.Count;
    /// <summary>Cost of all items as if run alone (sum, not mean).</summary>
    public double TotalCostUsd { get; init; }

    /// <summary>What the calls that reached a model cost (sum over items).</summary>
    public double SpentUsd { get; init; }
}
