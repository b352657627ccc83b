using Archon.Core.Execution;

namespace Archon.Durable.Contracts;

/// <summary>What the SaveTrace activity writes to <c>archon-traces/{InstanceId}.json</c>.</summary>
public sealed record SaveTraceRequest(
    string InstanceId,
    string Architecture,
    string? Answer,
    UsageTotals Usage,
    IReadOnlyList<TraceEntry> Trace);
