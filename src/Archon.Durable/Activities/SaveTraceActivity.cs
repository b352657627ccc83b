using Archon.Durable.Contracts;
using Archon.Core.Storage;
using Microsoft.DurableTask;

namespace Archon.Durable.Activities;

/// <summary>
/// Writes the full trace of one inference to <c>archon-traces/{instanceId}.json</c> and returns the reference.
/// The name is the instance id, so a retried activity overwrites rather than duplicates.
/// </summary>
public sealed class SaveTraceActivity(IResultStore store) : TaskActivity<SaveTraceRequest, BlobRef>
{
    public override Task<BlobRef> RunAsync(TaskActivityContext context, SaveTraceRequest input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<BlobRef> ExecuteAsync(SaveTraceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = BlobLayout.Trace(request.InstanceId);
        await store.PutJsonAsync(target, request, cancellationToken).ConfigureAwait(false);
        return target;
    }
}
