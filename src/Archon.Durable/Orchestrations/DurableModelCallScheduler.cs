using Archon.Core.Execution;
using Archon.Durable.Activities;
using Archon.Durable.Contracts;
using Microsoft.DurableTask;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// <see cref="IModelCallScheduler"/> inside an orchestration: all activities of a batch are scheduled before any is
/// awaited (fan-out), then <c>Task.WhenAll</c> (fan-in); results keep request order. Up to
/// <see cref="MaxActivitiesPerBatch"/> calls, one <see cref="ModelCallActivity"/> per call; a bigger batch (1,000
/// samples, 1,000 unit-test evaluations) goes out as that many <see cref="ModelCallBatchActivity"/> chunks of
/// consecutive calls, so history and replay stay a few dozen events per layer while every call still runs at once
/// under the per-model cap. Earlier answers quoted in a prompt travel as references (<see cref="PromptReferences"/>),
/// so history holds each answer once.
/// </summary>
public sealed class DurableModelCallScheduler(TaskOrchestrationContext context) : IModelCallScheduler
{
    /// <summary>Most activities one batch of calls becomes (default 32).</summary>
    public const int MaxActivitiesPerBatch = 32;

    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);

    // Call id → the batch blob (first call id of its batch) it is stored in; calls that ran alone are not here.
    private readonly Dictionary<string, string> _storedIn = new(StringComparer.Ordinal);

    /// <summary>Calls scheduled so far by this orchestration (for the custom status).</summary>
    public int CallsScheduled { get; private set; }

    public async Task<IReadOnlyList<ModelCallResult>> RunAsync(IReadOnlyList<ModelCallRequest> calls, CancellationToken cancellationToken)
    {
        // The answers a prompt may quote, as of now (a retried activity may build its input episodes later). The index
        // and the compacted inputs are built only when an input is recorded, never on replay (ReplayDeferredInput).
        var replaceable = PromptReferences.Replaceable(_answers);
        var index = new Lazy<AnswerIndex>(() => new AnswerIndex(replaceable));
        CallsScheduled += calls.Count;
        var results = calls.Count <= MaxActivitiesPerBatch ? await SingleAsync(calls, index) : await BatchedAsync(calls, index);
        foreach (var result in results.Where(r => r.Succeeded))
        {
            _answers[result.CallId] = result.Text!;
        }

        return results;
    }

    /// <summary>The batch blobs (by first call id, in first-use order) holding any of <paramref name="callIds"/>; null when none.</summary>
    public IReadOnlyList<string>? BatchesOf(IEnumerable<string> callIds)
    {
        ArgumentNullException.ThrowIfNull(callIds);
        List<string> batches = [.. callIds.Where(_storedIn.ContainsKey).Select(id => _storedIn[id]).Distinct(StringComparer.Ordinal)];
        return batches.Count == 0 ? null : batches;
    }

    /// <summary>Sizes of the consecutive chunks <paramref name="calls"/> calls are split into (at most <see cref="MaxActivitiesPerBatch"/>, sizes differ by at most one).</summary>
    public static IReadOnlyList<int> ChunkSizes(int calls)
    {
        var chunks = Math.Min(calls, MaxActivitiesPerBatch);
        return chunks == 0 ? [] : [.. Enumerable.Range(0, chunks).Select(c => (calls / chunks) + (c < calls % chunks ? 1 : 0))];
    }

    private ModelCallWork Work(ModelCallRequest call, Lazy<AnswerIndex> index)
    {
        var (request, references) = PromptReferences.Compact(call, index.Value);
        return new ModelCallWork(context.InstanceId, request, references, references is null ? null : BatchesOf(references));
    }

    private async Task<ModelCallResult[]> SingleAsync(IReadOnlyList<ModelCallRequest> calls, Lazy<AnswerIndex> index)
    {
        var tasks = new Task<ModelCallResult>[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            tasks[i] = context.CallActivityAsync<ModelCallResult>(
                nameof(ModelCallActivity), new ReplayDeferredInput(context, () => Work(call, index)), DurableRetry.Activity);
        }

        return await Task.WhenAll(tasks);
    }

    private async Task<ModelCallResult[]> BatchedAsync(IReadOnlyList<ModelCallRequest> calls, Lazy<AnswerIndex> index)
    {
        var tasks = new List<Task<IReadOnlyList<ModelCallResult>>>();
        var start = 0;
        foreach (var size in ChunkSizes(calls.Count))
        {
            var chunk = calls.Skip(start).Take(size).ToList();
            foreach (var call in chunk)
            {
                _storedIn[call.CallId] = chunk[0].CallId;
            }

            var input = new ReplayDeferredInput(context, () =>
                SharedMessages.Share(new ModelCallBatchWork(context.InstanceId, [.. chunk.Select(c => Work(c, index))])));
            tasks.Add(context.CallActivityAsync<IReadOnlyList<ModelCallResult>>(nameof(ModelCallBatchActivity), input, DurableRetry.Activity));
            start += size;
        }

        var chunks = await Task.WhenAll(tasks);
        return [.. chunks.SelectMany(c => c)];
    }
}
