using Microsoft.Extensions.Time.Testing;

namespace Archon.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells the test which timers the code under test starts, so a test can
/// wait for "the retry is now waiting 1 s" (a barrier) and then advance exactly that far, instead of sleeping on the
/// wall clock. Polly's delays and timeouts, delays that take a TimeProvider and timed
/// <see cref="CancellationTokenSource"/>s all create their timers here.
/// </summary>
public sealed class TimerClock : TimeProvider
{
    private readonly FakeTimeProvider _fake = new();
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _started = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Done)> _waiters = [];

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override long TimestampFrequency => _fake.TimestampFrequency;

    /// <summary>Due times of every timer started so far.</summary>
    public IReadOnlyList<TimeSpan> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>Completes with the due time of the first timer (started before or after this call) that matches.</summary>
    public Task<TimeSpan> WhenTimer(Func<TimeSpan, bool> match)
    {
        lock (_gate)
        {
            var index = _started.FindIndex(d => match(d));
            if (index >= 0)
            {
                var due = _started[index];
                _started.RemoveAt(index);
                return Task.FromResult(due);
            }

            var done = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(_fake.CreateTimer(callback, state, dueTime, period), this);
        Record(dueTime);
        return timer;
    }

    /// <summary>A timer started (created with, or changed to, a finite due time): wake a matching waiter or keep it.</summary>
    private void Record(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_gate)
        {
            var waiter = _waiters.FirstOrDefault(w => w.Match(dueTime));
            if (waiter.Done is not null)
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(dueTime);
            }
            else
            {
                _started.Add(dueTime);
            }
        }
    }

    /// <summary>Pooled cancellation sources (Polly's timeouts) create an idle timer and start it later with Change.</summary>
    private sealed class ObservedTimer(ITimer inner, TimerClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Record(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
