namespace Archon.Core.Search;

/// <summary>Outcome of a candidate evaluation (<see cref="CandidateResult.Status"/>).</summary>
public static class CandidateStatus
{
    public const string Ok = "ok";

    /// <summary>Every item's model calls failed; the result carries the provider's error.</summary>
    public const string Failed = "failed";

    /// <summary>Measured $/query (or calls) above the per-query budget, or items the budget stopped.</summary>
    public const string OverBudget = "over-budget";

    /// <summary>The status of a scored candidate under <paramref name="budget"/>.</summary>
    public static string Of(Execution.ArchitectureScore score, Archon.Core.Execution.QueryBudget budget, int items)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(budget);
        if (score.AllFailed)
        {
            return Failed;
        }

        var calls = items > 0 ? (double)score.CallsNeeded / items : 0;
        var overCost = budget.MaxCostUsd is { } max && (decimal)score.CostUsd > max;
        var overCalls = budget.MaxCalls is { } maxCalls && calls > maxCalls;
        return score.OverBudgetItems > 0 || overCost || overCalls ? OverBudget : Ok;
    }
}
