using System.Collections.Concurrent;
using Archon.Core.Streaming;

namespace Archon.Bench.Streaming;

/// <summary>
/// The in-memory relay with one measurement: when the first token of each stream was appended (by the model-call
/// activity). It splits the benchmark's stream path into "provider to relay" and "relay to client".
/// </summary>
internal sealed class FirstDeltaRelay(IStreamRelay inner, TimeProvider time) : IStreamRelay
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstDelta = new(StringComparer.Ordinal);

    public DateTimeOffset? FirstDeltaAt(string streamId) => _firstDelta.TryGetValue(streamId, out var at) ? at : null;

    public Task AppendAsync(string streamId, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Any(e => e.Kind == StreamEventKinds.Delta))
        {
            _firstDelta.TryAdd(streamId, time.GetUtcNow());
        }

        return inner.AppendAsync(streamId, events, cancellationToken);
    }

    public Task<IReadOnlyList<StreamEvent>> ReadAsync(string streamId, int from, TimeSpan wait, CancellationToken cancellationToken) =>
        inner.ReadAsync(streamId, from, wait, cancellationToken);

    public Task DeleteAsync(string streamId, CancellationToken cancellationToken) => inner.DeleteAsync(streamId, cancellationToken);
}
