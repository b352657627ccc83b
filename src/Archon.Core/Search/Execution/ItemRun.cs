using Archon.Core.Execution;

namespace Archon.Core.Search.Execution;

/// <summary>
/// One candidate on one item. <see cref="Totals"/> is the architecture's own usage (as if run alone: the $/query the
/// search optimises); <see cref="CallsNeeded"/> the calls it implies, <see cref="CallsMade"/> those that actually
/// reached a model after prefix reuse and the response cache, and <see cref="SpentUsd"/> what those calls cost. <see cref="Error"/> says why there is no answer when a
/// layer's model calls all failed (the provider's error) or the per-query budget stopped the item
/// (<see cref="OverBudget"/>: the call that would have crossed it was not sent; the item scores as a failure).
/// </summary>
public sealed record ItemRun(string ItemId, string? Answer, UsageTotals Totals, double LatencyMs, int CallsNeeded, int CallsMade, int ReusedLayers,
    string? Error = null, bool OverBudget = false, decimal SpentUsd = 0m)
{
    /// <summary>True when the item has no answer because its model calls failed (not because of the budget).</summary>
    public bool CallsFailed => Error is not null && !OverBudget;
}
