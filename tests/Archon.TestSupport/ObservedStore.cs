using Archon.Core.Storage;

namespace Archon.TestSupport;

/// <summary>
/// An <see cref="IResultStore"/> that forwards to another and lets a test wait for writes (a barrier on "the fourth
/// candidate result is stored") instead of polling the file system with sleeps.
/// </summary>
public sealed class ObservedStore(IResultStore inner) : IResultStore
{
    private readonly Lock _gate = new();
    private readonly List<(string Container, string Name)> _puts = [];
    private readonly List<(Func<string, string, bool> Match, int Count, TaskCompletionSource Done)> _waiters = [];

    public string Location => inner.Location;

    /// <summary>Completes once <paramref name="count"/> writes matching (container, name) have finished.</summary>
    public Task WhenPut(Func<string, string, bool> match, int count)
    {
        lock (_gate)
        {
            if (_puts.Count(p => match(p.Container, p.Name)) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, count, done));
            return done.Task;
        }
    }

    public async Task PutBytesAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        await inner.PutBytesAsync(container, name, content, contentType, cancellationToken);
        lock (_gate)
        {
            _puts.Add((container, name));
            foreach (var waiter in _waiters.Where(w => _puts.Count(p => w.Match(p.Container, p.Name)) >= w.Count).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public Task<byte[]?> GetBytesAsync(string container, string name, CancellationToken cancellationToken) => inner.GetBytesAsync(container, name, cancellationToken);

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken) => inner.ExistsAsync(container, name, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string container, string prefix, CancellationToken cancellationToken) =>
        inner.ListAsync(container, prefix, cancellationToken);
}
