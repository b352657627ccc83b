using Archon.Core.Search.Execution;
using Archon.Core.Storage;

namespace Archon.Durable.Search;

/// <summary><see cref="ISearchCache"/> over the result store, so cached model calls and prefix states survive a restart.</summary>
public sealed class StoreSearchCache(IResultStore store) : ISearchCache
{
    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var blob = SearchBlobs.Cache(key);
        return store.GetBytesAsync(blob.Container, blob.Name, cancellationToken);
    }

    public Task PutAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        var blob = SearchBlobs.Cache(key);
        return store.PutBytesAsync(blob.Container, blob.Name, value, "application/json", cancellationToken);
    }
}
