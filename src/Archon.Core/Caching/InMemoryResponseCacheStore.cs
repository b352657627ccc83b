using System.Collections.Concurrent;

namespace Archon.Core.Caching;

/// <summary>A process-local cache store (tests, one search run).</summary>
public sealed class InMemoryResponseCacheStore : IResponseCacheStore
{
    private readonly ConcurrentDictionary<string, CachedChatResponse> entries = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    /// <summary>Drops every entry (a bench worker bounds its memory to one item's calls).</summary>
    public void Clear() => entries.Clear();

    public Task<CachedChatResponse?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(entries.TryGetValue(key, out var value) ? value : null);

    public Task SetAsync(string key, CachedChatResponse response, CancellationToken cancellationToken)
    {
        entries[key] = response;
        return Task.CompletedTask;
    }
}
