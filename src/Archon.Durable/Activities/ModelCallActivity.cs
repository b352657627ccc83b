using Archon.Core.Execution;
using Archon.Core.Streaming;
using Archon.Durable.Telemetry;
using Microsoft.DurableTask;

namespace Archon.Durable.Activities;

/// <summary>
/// The only place model I/O happens in the durable path: one <see cref="ModelCallRequest"/> through the core provider
/// stack (<see cref="IModelInvoker"/>, i.e. ChatClientModelInvoker with its resilience, cache and usage/cost).
/// Provider failures come back as <see cref="ModelCallResult.Error"/> after the provider stack's own retries; only
/// infrastructure exceptions escape, and those are what the Durable retry policy (<see cref="Orchestrations.DurableRetry"/>) retries.
/// A request with <see cref="ModelCallRequest.StreamTo"/> is streamed: see <see cref="StreamingModelCall"/>.
/// </summary>
public sealed class ModelCallActivity(IModelInvoker invoker, IStreamRelay? relay = null, TimeProvider? time = null) : TaskActivity<ModelCallRequest, ModelCallResult>
{
    public override Task<ModelCallResult> RunAsync(TaskActivityContext context, ModelCallRequest input) =>
        ExecuteAsync(input, CancellationToken.None);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<ModelCallResult> ExecuteAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = ArchonTelemetry.StartModelCall(request);
        var result = request.StreamTo is { } streamId && relay is not null
            ? await StreamingModelCall.RunAsync(invoker, relay, streamId, request, time ?? TimeProvider.System, cancellationToken).ConfigureAwait(false)
            : await invoker.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        ArchonTelemetry.RecordModelCall(span, request, result);
        return result;
    }
}
