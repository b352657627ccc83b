using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Archon.TestSupport;

/// <summary>Collects log lines (level, category, message, exception) so a failing test can show what the server said.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Completes when a line matching <paramref name="match"/> has been logged (already or later).</summary>
    public Task WaitForLineAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (Lines.Any(match))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((match, seen));
        }

        return seen.Task;
    }

    private void Add(string line)
    {
        lock (_waiters)
        {
            Lines.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    public override string ToString() => string.Join('\n', Lines);

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
