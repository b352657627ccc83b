using Archon.Core.Execution;

namespace Archon.Core.Search.Execution;

/// <summary>The state after an architecture prefix on one item, with what computing that prefix cost (so a candidate
/// that reuses it still reports its own full per-query cost).</summary>
public sealed record PrefixEntry(QueryState State, UsageTotals Totals, double LatencyMs);
