using Archon.Core.Caching;
using Archon.Core.Storage;

namespace Archon.Core.Caching;

/// <summary>
/// The core response cache kept in the result store (<c>archon-cache/{key}.json</c>), so a restarted local run or a
/// scaled-out Functions app reuses answers already paid for. Keys are content hashes: a rewrite is the same answer.
/// </summary>
public sealed class ResultStoreResponseCache(IResultStore store) : IResponseCacheStore
{
    public Task<CachedChatResponse?> GetAsync(string key, CancellationToken cancellationToken) =>
        store.GetJsonAsync<CachedChatResponse>(BlobLayout.CacheEntry(key), cancellationToken);

    public Task SetAsync(string key, CachedChatResponse response, CancellationToken cancellationToken) =>
        store.PutJsonAsync(BlobLayout.CacheEntry(key), response, cancellationToken);
}
