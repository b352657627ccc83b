using Archon.Core.Execution;

namespace Archon.Core.Search.Execution;

/// <summary>
/// One candidate on one item. <see cref="Totals"/> is the architecture's own usage (as if run alone: the $/query the
/// search optimises); <see cref="CallsNeeded"/> the calls it implies, <see cref="CallsMade"/> those that actually
/// reached a model after prefix reuse and the response cache, and <see cref="SpentUsd"/> what those calls cost.
/// </summary>
public sealed record ItemRun(string ItemId, string? Answer, UsageTotals Totals, double LatencyMs, int CallsNeeded, int CallsMade, int ReusedLayers, decimal SpentUsd = 0m);
