using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable.Contracts;
using Microsoft.DurableTask;

namespace Archon.Durable.Activities;

/// <summary>
/// Several model calls in one activity, all at once, each exactly as <see cref="ModelCallActivity"/> runs it (provider
/// stack with its per-model cap, references restored, trace entry written to the store before the batch returns).
/// Why: a layer with hundreds of calls as hundreds of activities puts every call into orchestration history, and the
/// orchestrator replays that history at every completion; batches keep history to a few dozen events per layer.
/// The price is retry granularity: an infrastructure failure retries the whole batch (each retried call overwrites its
/// own trace entry), while provider failures still come back per call as <see cref="ModelCallResult.Error"/>.
/// </summary>
public sealed class ModelCallBatchActivity(IModelInvoker invoker, IResultStore store) : TaskActivity<ModelCallBatchWork, IReadOnlyList<ModelCallResult>>
{
    public override Task<IReadOnlyList<ModelCallResult>> RunAsync(TaskActivityContext context, ModelCallBatchWork input) =>
        ExecuteAsync(input, CancellationToken.None);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<IReadOnlyList<ModelCallResult>> ExecuteAsync(ModelCallBatchWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var single = new ModelCallActivity(invoker, store);
        return await Task.WhenAll(work.Calls.Select(call => single.ExecuteAsync(call, cancellationToken))).ConfigureAwait(false);
    }
}
