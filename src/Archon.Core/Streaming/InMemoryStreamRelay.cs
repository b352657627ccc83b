using System.Collections.Concurrent;

namespace Archon.Core.Streaming;

/// <summary>
/// <see cref="IStreamRelay"/> in process memory: the embedded Durable host runs activities and HTTP handlers in one
/// process, so a list per stream and a signal for waiting readers are enough. Nothing survives a restart.
/// </summary>
public sealed class InMemoryStreamRelay(TimeProvider? timeProvider = null) : IStreamRelay
{
    private readonly ConcurrentDictionary<string, Stream> _streams = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public Task AppendAsync(string streamId, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        _streams.GetOrAdd(streamId, _ => new Stream()).Append(events);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<StreamEvent>> ReadAsync(string streamId, int from, TimeSpan wait, CancellationToken cancellationToken)
    {
        var stream = _streams.GetOrAdd(streamId, _ => new Stream());
        var (events, signal) = stream.From(from);
        if (events.Count > 0 || wait <= TimeSpan.Zero)
        {
            return events;
        }

        try
        {
            await signal.WaitAsync(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return [];
        }

        return stream.From(from).Events;
    }

    public Task DeleteAsync(string streamId, CancellationToken cancellationToken)
    {
        _streams.TryRemove(streamId, out _);
        return Task.CompletedTask;
    }

    private sealed class Stream
    {
        private readonly List<StreamEvent> _events = [];
        private readonly Lock _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Append(IReadOnlyList<StreamEvent> events)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                _events.AddRange(events);
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }

        public (IReadOnlyList<StreamEvent> Events, Task Signal) From(int from)
        {
            lock (_gate)
            {
                var start = Math.Clamp(from, 0, _events.Count);
                return (_events.GetRange(start, _events.Count - start), _changed.Task);
            }
        }
    }
}
