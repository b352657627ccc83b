using Archon.Core.Execution;

namespace Archon.Durable.Contracts;

/// <summary>
/// Input of the SaveTrace activity: references, not payloads. The model calls are already in the store (one blob per
/// call, written by the model-call activity); the activity assembles them, in <see cref="CallIds"/> order, into the
/// <see cref="SaveTraceRequest"/> document at <c>archon-traces/{InstanceId}.json</c>. Calls that ran in a batched
/// activity are stored per batch: <see cref="Batches"/> names those blobs (by first call id), read once each.
/// </summary>
public sealed record SaveTraceInput(
    string InstanceId,
    string Architecture,
    string? Answer,
    UsageTotals Usage,
    IReadOnlyList<string> CallIds,
    QueryState? FinalState = null,
    IReadOnlyList<string>? Batches = null);
