using System.Collections.Concurrent;

namespace Archon.Core.Search.Execution;

/// <summary>Process-local <see cref="ISearchCache"/> (tests, benches).</summary>
public sealed class InMemorySearchCache : ISearchCache
{
    private readonly ConcurrentDictionary<string, byte[]> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryGetValue(key, out var v) ? v : null);

    public Task PutAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        _entries[key] = value;
        return Task.CompletedTask;
    }
}
