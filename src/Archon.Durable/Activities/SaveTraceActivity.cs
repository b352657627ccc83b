using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable.Contracts;
using Microsoft.DurableTask;

namespace Archon.Durable.Activities;

/// <summary>
/// Writes the full trace of one inference to <c>archon-traces/{instanceId}.json</c> and returns the reference. The
/// orchestration passes call ids, not calls: each call's entry is already in the store (written by the model-call
/// activity), so the trace never travels through history. Entries are copied in as the JSON they were stored as
/// (<see cref="StoredCallsRaw"/>, <see cref="TraceDocumentWriter"/>) instead of being deserialized and serialized again:
/// 14-20 ms instead of 37 for a 2,001-call trace. The name is the instance id, so a retried activity overwrites rather
/// than duplicates.
/// </summary>
public sealed class SaveTraceActivity(IResultStore store) : TaskActivity<SaveTraceInput, BlobRef>
{
    public override Task<BlobRef> RunAsync(TaskActivityContext context, SaveTraceInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<BlobRef> ExecuteAsync(SaveTraceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await StoredCallsRaw.ReadAsync(store, input.InstanceId, input.CallIds, input.Batches, cancellationToken).ConfigureAwait(false);
        var entries = input.CallIds.Select(id => stored[id]).ToList();

        var target = BlobLayout.Trace(input.InstanceId);
        var document = new SaveTraceRequest(input.InstanceId, input.Architecture, input.Answer, input.Usage, [], input.FinalState);
        await store.PutBytesAsync(target.Container, target.Name, TraceDocumentWriter.Write(document, entries), "application/json", cancellationToken)
            .ConfigureAwait(false);
        return target;
    }
}
