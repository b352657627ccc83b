using System.Text;
using System.Threading.Channels;

namespace Archon.Core.Streaming;

/// <summary>
/// Writes a model call's tokens to a relay without making the model stream wait for storage: tokens queue in memory and
/// one pump appends whatever accumulated while the previous append was in flight (one event per append). With an
/// in-memory relay that is one event per token; with Blob Storage, one block per round trip.
/// </summary>
public sealed class RelayWriter : IStreamSink
{
    private readonly Channel<StreamEvent> _queue = Channel.CreateUnbounded<StreamEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IStreamRelay _relay;
    private readonly string _streamId;
    private readonly Task _pump;

    public RelayWriter(IStreamRelay relay, string streamId, CancellationToken cancellationToken)
    {
        _relay = relay;
        _streamId = streamId;
        _pump = PumpAsync(cancellationToken);
    }

    public void Delta(string text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _queue.Writer.TryWrite(StreamEvent.Delta(text));
        }
    }

    public void Restart() => _queue.Writer.TryWrite(new StreamEvent(StreamEventKinds.Restart));

    /// <summary>Appends <see cref="StreamEventKinds.End"/>, flushes everything and surfaces any append failure.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryWrite(new StreamEvent(StreamEventKinds.End));
        _queue.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        var batch = new List<StreamEvent>();
        var text = new StringBuilder();
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Clear();
            while (reader.TryRead(out var e))
            {
                if (e.Kind == StreamEventKinds.Delta)
                {
                    text.Append(e.Text);
                    continue;
                }

                Flush(batch, text);
                batch.Add(e);
            }

            Flush(batch, text);
            await _relay.AppendAsync(_streamId, batch.ToList(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Flush(List<StreamEvent> batch, StringBuilder text)
    {
        if (text.Length > 0)
        {
            batch.Add(StreamEvent.Delta(text.ToString()));
            text.Clear();
        }
    }
}
