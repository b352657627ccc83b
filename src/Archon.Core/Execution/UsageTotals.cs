namespace Archon.Core.Execution;

/// <summary>
/// Totals over the model calls of one query (or of many, via <see cref="Add"/>). One cost rule: every call reports the
/// cost it would have had; <see cref="CostUsd"/> is what was spent (calls that reached a model) and
/// <see cref="SavedUsd"/> what cache hits saved, so <see cref="FullCostUsd"/> is the cost of running it uncached.
/// </summary>
public sealed record UsageTotals(int Calls, long InputTokens, long OutputTokens, decimal CostUsd, int Retries, int FailedCalls, int CachedCalls)
{
    public static UsageTotals Zero { get; } = new(0, 0, 0, 0m, 0, 0, 0);

    /// <summary>Cost of the cached calls: what they would have cost had they reached a model.</summary>
    public decimal SavedUsd { get; init; }

    /// <summary>Spent plus saved: what the calls cost without the cache (the architecture's own $/query).</summary>
    public decimal FullCostUsd => CostUsd + SavedUsd;

    public UsageTotals Add(UsageTotals other) => new(
        Calls + other.Calls, InputTokens + other.InputTokens, OutputTokens + other.OutputTokens,
        CostUsd + other.CostUsd, Retries + other.Retries, FailedCalls + other.FailedCalls, CachedCalls + other.CachedCalls)
    {
        SavedUsd = SavedUsd + other.SavedUsd,
    };

    public static UsageTotals From(IEnumerable<TraceEntry> trace) => From(trace.Select(e => e.Result));

    public static UsageTotals From(IEnumerable<ModelCallResult> results) => results.Aggregate(Zero, (t, r) => t.Add(new UsageTotals(
        1, r.InputTokens, r.OutputTokens, r.Cached ? 0m : r.CostUsd, r.Retries, r.Succeeded ? 0 : 1, r.Cached ? 1 : 0)
    {
        SavedUsd = r.Cached ? r.CostUsd : 0m,
    }));
}
