namespace Archon.Core.Execution;

/// <summary>Totals over the model calls of one query (or of many, via <see cref="Add"/>).</summary>
public sealed record UsageTotals(int Calls, long InputTokens, long OutputTokens, decimal CostUsd, int Retries, int FailedCalls, int CachedCalls)
{
    public static UsageTotals Zero { get; } = new(0, 0, 0, 0m, 0, 0, 0);

    public UsageTotals Add(UsageTotals other) => new(
        Calls + other.Calls, InputTokens + other.InputTokens, OutputTokens + other.OutputTokens,
        CostUsd + other.CostUsd, Retries + other.Retries, FailedCalls + other.FailedCalls, CachedCalls + other.CachedCalls);

    public static UsageTotals From(IEnumerable<TraceEntry> trace) => trace.Aggregate(Zero, (t, e) => t.Add(new UsageTotals(
        1, e.Result.InputTokens, e.Result.OutputTokens, e.Result.CostUsd, e.Result.Retries,
        e.Result.Succeeded ? 0 : 1, e.Result.Cached ? 1 : 0)));
}
