using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.Durable.Telemetry;
using Microsoft.DurableTask;

namespace Archon.Durable.Activities;

/// <summary>
/// The only place model I/O happens in the durable path: one <see cref="ModelCallRequest"/> through the core provider
/// stack (<see cref="IModelInvoker"/>, i.e. ChatClientModelInvoker with its resilience, cache and usage/cost).
/// Refs, not payloads: the prompt's references to earlier answers are restored from the store, the full trace entry
/// (request and result) is written to <c>archon-traces/{instance}/calls/{callId}.json</c>, and only the result goes back
/// to the orchestration. Provider failures come back as <see cref="ModelCallResult.Error"/> after the provider stack's
/// own retries; only infrastructure exceptions escape, and those are what the Durable retry policy
/// (<see cref="DurableRetry"/>) retries. A retried activity overwrites the same blob.
/// </summary>
public sealed class ModelCallActivity(IModelInvoker invoker, IResultStore store) : TaskActivity<ModelCallWork, ModelCallResult>
{
    public override Task<ModelCallResult> RunAsync(TaskActivityContext context, ModelCallWork input) =>
        ExecuteAsync(input, CancellationToken.None);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<ModelCallResult> ExecuteAsync(ModelCallWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var request = work.References is { Count: > 0 } references
            ? PromptReferences.Expand(work.Request, await AnswersAsync(work.InstanceId, references, cancellationToken).ConfigureAwait(false))
            : work.Request;
        using var span = ArchonTelemetry.StartModelCall(request);
        var result = await invoker.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        ArchonTelemetry.RecordModelCall(span, request, result);
        await store.PutJsonAsync(BlobLayout.CallEntry(work.InstanceId, request.CallId), new TraceEntry(request, result), cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<Dictionary<string, string>> AnswersAsync(string instanceId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var callId in callIds)
        {
            var entry = await store.GetJsonAsync<TraceEntry>(BlobLayout.CallEntry(instanceId, callId), cancellationToken).ConfigureAwait(false);
            answers[callId] = entry?.Result.Text
                ?? throw new InvalidOperationException($"call {callId} of {instanceId}: its stored answer is missing from {store.Location}");
        }

        return answers;
    }
}
