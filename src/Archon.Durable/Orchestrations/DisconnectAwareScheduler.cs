using Archon.Core.Execution;
using Archon.Durable.Activities;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Stops a run when the client of a streaming completion leaves (orchestration-safe: it only awaits durable tasks).
/// A batch issued after the disconnect event arrived is not scheduled at all; a batch in flight when it arrives is
/// awaited (activities cannot be recalled; the streamed one stops through the relay), so the run ends with nothing
/// outstanding and <see cref="Trace"/> still records those calls. Either way <see cref="ClientDisconnectedException"/>
/// ends the run before its next batch. A streamed call that the relay's cancel stopped before the event reached the
/// orchestration counts as the same disconnect.
/// </summary>
internal sealed class DisconnectAwareScheduler(IModelCallScheduler inner, Task<string>? clientGone) : IModelCallScheduler
{
    private readonly TracingScheduler _tracing = new(inner);

    /// <summary>Every call that ran, the ones of an interrupted layer included.</summary>
    public IReadOnlyList<TraceEntry> Trace => _tracing.Trace;

    public async Task<IReadOnlyList<ModelCallResult>> RunAsync(IReadOnlyList<ModelCallRequest> calls, CancellationToken cancellationToken)
    {
        if (clientGone is null)
        {
            return await _tracing.RunAsync(calls, cancellationToken);
        }

        if (clientGone.IsCompleted)
        {
            throw new ClientDisconnectedException(Layer(calls), issued: false);
        }

        var batch = _tracing.RunAsync(calls, cancellationToken);
        var gone = await Task.WhenAny(batch, clientGone) == clientGone;
        var results = await batch;
        if (gone || results.Any(r => r.Error == StreamingModelCall.CancelledError))
        {
            throw new ClientDisconnectedException(Layer(calls), issued: true);
        }

        return results;
    }

    private static int Layer(IReadOnlyList<ModelCallRequest> calls) => calls.Count > 0 ? calls[0].Layer : -1;
}
