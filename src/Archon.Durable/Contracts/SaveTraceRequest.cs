using Archon.Core.Execution;

namespace Archon.Durable.Contracts;

/// <summary>
/// What the SaveTrace activity writes to <c>archon-traces/{InstanceId}.json</c>: the answer, totals, every model call
/// and the final query state (candidates, critiques, notes), so a run can be inspected or rendered after the fact.
/// </summary>
public sealed record SaveTraceRequest(
    string InstanceId,
    string Architecture,
    string? Answer,
    UsageTotals Usage,
    IReadOnlyList<TraceEntry> Trace,
    QueryState? FinalState = null);
