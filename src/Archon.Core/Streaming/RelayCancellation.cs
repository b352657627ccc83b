namespace Archon.Core.Streaming;

/// <summary>Watches a relay stream for <see cref="StreamEventKinds.Cancel"/>: the HTTP side's way to stop the writer's model call.</summary>
public static class RelayCancellation
{
    /// <summary>Completes when a cancel event appears; runs until <paramref name="cancellationToken"/> is cancelled otherwise.</summary>
    public static async Task WaitForCancelAsync(IStreamRelay relay, string streamId, TimeSpan poll, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relay);
        var from = 0;
        while (true)
        {
            var events = await relay.ReadAsync(streamId, from, poll, cancellationToken).ConfigureAwait(false);
            if (events.Any(e => e.Kind == StreamEventKinds.Cancel))
            {
                return;
            }

            from += events.Count;
        }
    }
}
