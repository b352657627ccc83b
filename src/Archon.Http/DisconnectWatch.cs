using Archon.Core.Streaming;
using Archon.Durable.Orchestrations;

namespace Archon.Http;

/// <summary>
/// After a streaming client disconnects: waits <see cref="ArchonApiOptions.StreamReconnectGraceSeconds"/> for it to
/// reconnect (a resumed request appends an <see cref="StreamEventKinds.Attach"/> to the relay, from whichever
/// instance it lands on); if none did, raises <see cref="ClientCancellation.EventName"/> on the orchestration (no
/// further layer runs, the trace gets a note) and appends <see cref="StreamEventKinds.Cancel"/> to the relay (the
/// streamed model call stops). Runs detached from the request, which is already gone.
/// </summary>
internal static class DisconnectWatch
{
    public static void Start(StreamContext context) => _ = RunAsync(context);

    private static async Task RunAsync(StreamContext context)
    {
        try
        {
            var attachedBefore = await AttachesAsync(context).ConfigureAwait(false);
            var grace = TimeSpan.FromSeconds(context.Options.StreamReconnectGraceSeconds);
            if (grace > TimeSpan.Zero)
            {
                await Task.Delay(grace, context.Time).ConfigureAwait(false);
            }

            if (await AttachesAsync(context).ConfigureAwait(false) > attachedBefore)
            {
                return;
            }

            var meta = await context.Client.GetInstanceAsync(context.Id, getInputsAndOutputs: false).ConfigureAwait(false);
            if (meta is null || meta.IsCompleted)
            {
                return;
            }

            await context.Client.RaiseEventAsync(context.Id, ClientCancellation.EventName, "client disconnected").ConfigureAwait(false);
            await context.Relay.AppendAsync(context.Id, [new StreamEvent(StreamEventKinds.Cancel)], CancellationToken.None).ConfigureAwait(false);
            StreamLog.Cancelled(context.Logger, context.Id);
        }
#pragma warning disable CA1031 // Detached boundary: nobody awaits this task, so a failure here must not crash the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The orchestration then simply runs to completion; say so.
            StreamLog.CancelFailed(context.Logger, e, context.Id);
        }
    }

    private static async Task<int> AttachesAsync(StreamContext context)
    {
        var events = await context.Relay.ReadAsync(context.Id, 0, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        return events.Count(e => e.Kind == StreamEventKinds.Attach);
    }
}
