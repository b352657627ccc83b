using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.DurableTask;

namespace Archon.Durable.Activities;

/// <summary>
/// Several model calls in one activity, all at once, each exactly as <see cref="ModelCallActivity"/> runs it (provider
/// stack with its per-model cap, references restored), the batch's trace entries written to the store as one blob
/// (<see cref="BlobLayout.CallBatch"/>, named by the first call id) before the batch returns.
/// Why: a layer with hundreds of calls as hundreds of activities puts every call into orchestration history, and the
/// orchestrator replays that history at every completion; batches keep history to a few dozen events per layer.
/// The price is retry granularity: an infrastructure failure retries the whole batch (which overwrites the batch blob),
/// while provider failures still come back per call as <see cref="ModelCallResult.Error"/>.
/// </summary>
public sealed class ModelCallBatchActivity(IModelInvoker invoker, IResultStore store) : TaskActivity<ModelCallBatchWork, IReadOnlyList<ModelCallResult>>
{
    public override Task<IReadOnlyList<ModelCallResult>> RunAsync(TaskActivityContext context, ModelCallBatchWork input) =>
        ExecuteAsync(input, CancellationToken.None);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<IReadOnlyList<ModelCallResult>> ExecuteAsync(ModelCallBatchWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Calls.Count == 0)
        {
            return [];
        }

        var calls = SharedMessages.Restore(work);

        // Every reference of the batch read once (31 evaluations of candidates from one generator batch read one blob).
        var references = calls.SelectMany(c => c.References ?? []).Distinct(StringComparer.Ordinal).ToList();
        var answers = references.Count == 0 ? null : await ModelCallActivity.AnswersAsync(
            store, work.InstanceId, references, [.. calls.SelectMany(c => c.ReferenceBatches ?? [])], cancellationToken).ConfigureAwait(false);
        var single = new ModelCallActivity(invoker, store);
        var entries = await Task.WhenAll(calls.Select(call => single.RunAsync(call, answers, cancellationToken))).ConfigureAwait(false);
        // One blob for the batch, written before the batch returns: every call is in the store when the orchestration sees it.
        await store.PutJsonAsync(BlobLayout.CallBatch(work.InstanceId, calls[0].Request.CallId), entries, cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(e => e.Result)];
    }
}
