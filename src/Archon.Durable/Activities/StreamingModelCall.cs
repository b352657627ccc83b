using Archon.Core.Execution;
using Archon.Core.Streaming;

namespace Archon.Durable.Activities;

/// <summary>
/// A streamed model call inside the model-call activity: tokens go to the relay (through a <see cref="RelayWriter"/>,
/// so the model stream never waits for storage) while the HTTP request that asked for the stream reads them, possibly
/// on another instance. A <see cref="StreamEventKinds.Cancel"/> on the relay (the client left and did not come back)
/// stops the provider call; the result then records the cancellation as the call's error, so the trace shows it.
/// An invoker that cannot stream writes the whole reply as one delta when it is known.
/// </summary>
internal static class StreamingModelCall
{
    /// <summary>How long one relay read waits for a cancel before reading again.</summary>
    private static readonly TimeSpan CancelPoll = TimeSpan.FromSeconds(1);

    public const string CancelledError = "cancelled: the client disconnected and did not reconnect";

    public static async Task<ModelCallResult> RunAsync(IModelInvoker invoker, IStreamRelay relay, string streamId, ModelCallRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clientGone = false;
        var watcher = WatchAsync();
        var writer = new RelayWriter(relay, streamId, cancellationToken);
        var started = time.GetUtcNow();
        ModelCallResult result;
        try
        {
            // A retried activity (or parse retry) starts over: readers drop what an earlier attempt wrote.
            writer.Restart();
            if (invoker is IStreamingModelInvoker streaming)
            {
                result = await streaming.InvokeStreamingAsync(request, writer, call.Token).ConfigureAwait(false);
            }
            else
            {
                result = await invoker.InvokeAsync(request, call.Token).ConfigureAwait(false);
                if (result.Text is { } text)
                {
                    writer.Delta(text);
                }
            }
        }
        catch (OperationCanceledException) when (clientGone && !cancellationToken.IsCancellationRequested)
        {
            result = new ModelCallResult(request.CallId, null, 0, 0, 0m, (time.GetUtcNow() - started).TotalMilliseconds, 0, false, CancelledError, started);
        }
        finally
        {
            await watching.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
        }

        await writer.CompleteAsync().ConfigureAwait(false);
        return result;

        async Task WatchAsync()
        {
            try
            {
                await RelayCancellation.WaitForCancelAsync(relay, streamId, CancelPoll, watching.Token).ConfigureAwait(false);
                clientGone = true;
                await call.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (watching.IsCancellationRequested)
            {
                // The call finished first: nothing to cancel.
            }
        }
    }
}
