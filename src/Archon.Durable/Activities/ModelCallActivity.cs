using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Core.Streaming;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.Durable.Telemetry;
using Microsoft.DurableTask;

namespace Archon.Durable.Activities;

/// <summary>
/// The only place model I/O happens in the durable path: one <see cref="ModelCallRequest"/> through the core provider
/// stack (<see cref="IModelInvoker"/>, i.e. ChatClientModelInvoker with its resilience, cache and usage/cost).
/// Refs, not payloads: the prompt's references to earlier answers are restored from the store, the full trace entry
/// (request and result) is written to <c>archon-traces/{instance}/calls/{callId}.json</c> (a batch writes one blob for all
/// its calls: <see cref="ModelCallBatchActivity"/>), and only the result goes back
/// to the orchestration. Provider failures come back as <see cref="ModelCallResult.Error"/> after the provider stack's
/// own retries; only infrastructure exceptions escape, and those are what the Durable retry policy
/// (<see cref="DurableRetry"/>) retries. A retried activity overwrites the same blob.
/// A request with <see cref="ModelCallRequest.StreamTo"/> is streamed to the relay: see <see cref="StreamingModelCall"/>.
/// </summary>
public sealed class ModelCallActivity(IModelInvoker invoker, IResultStore store, IStreamRelay? relay = null, TimeProvider? time = null)
    : TaskActivity<ModelCallWork, ModelCallResult>
{
    public override Task<ModelCallResult> RunAsync(TaskActivityContext context, ModelCallWork input) =>
        ExecuteAsync(input, CancellationToken.None);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<ModelCallResult> ExecuteAsync(ModelCallWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var answers = work.References is { Count: > 0 } references
            ? await AnswersAsync(store, work.InstanceId, references, work.ReferenceBatches, cancellationToken).ConfigureAwait(false)
            : null;
        var entry = await RunAsync(work, answers, cancellationToken).ConfigureAwait(false);
        await store.PutJsonAsync(BlobLayout.CallEntry(work.InstanceId, entry.Request.CallId), entry, cancellationToken).ConfigureAwait(false);
        return entry.Result;
    }

    /// <summary>One call with its references restored from <paramref name="answers"/>; stores nothing (the caller does).</summary>
    internal async Task<TraceEntry> RunAsync(ModelCallWork work, IReadOnlyDictionary<string, string>? answers, CancellationToken cancellationToken)
    {
        var request = work.References is { Count: > 0 } && answers is not null ? PromptReferences.Expand(work.Request, answers) : work.Request;
        using var span = ArchonTelemetry.StartModelCall(request);
        var result = request.StreamTo is { } streamId && relay is not null
            ? await StreamingModelCall.RunAsync(invoker, relay, streamId, request, time ?? TimeProvider.System, cancellationToken).ConfigureAwait(false)
            : await invoker.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        ArchonTelemetry.RecordModelCall(span, request, result);
        return new TraceEntry(request, result);
    }

    /// <summary>The stored answers of <paramref name="callIds"/>, reading each batch blob named once.</summary>
    internal static async Task<Dictionary<string, string>> AnswersAsync(
        IResultStore store, string instanceId, IReadOnlyList<string> callIds, IReadOnlyList<string>? batches, CancellationToken cancellationToken)
    {
        var entries = await StoredCalls.ReadAsync(store, instanceId, callIds, batches, cancellationToken).ConfigureAwait(false);
        return entries.ToDictionary(e => e.Key, e => e.Value.Result.Text
            ?? throw new InvalidOperationException($"call {e.Key} of {instanceId}: its stored answer is missing from {store.Location}"),
            StringComparer.Ordinal);
    }
}
