using Archon.Core.Caching;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Azure.Storage.Blobs;

namespace Archon.Hosting.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class ResultStoreResponseCacheTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SetAsync_ThenGetAsync_ReadsBackFromAzuriteUnderArchonCache()
    {
        var store = new BlobResultStore(new BlobServiceClient(azurite.ConnectionString));
        var cache = new ResultStoreResponseCache(store);
        var key = $"k{Guid.NewGuid():N}";

        await cache.SetAsync(key, new CachedChatResponse("cached text", 11, 4, "gpt-x"), default);
        var back = await cache.GetAsync(key, default);

        Assert.Equal(new CachedChatResponse("cached text", 11, 4, "gpt-x"), back);
        Assert.True(await store.ExistsAsync(BlobLayout.CacheContainer, $"{key}.json", default));
        Assert.Null(await cache.GetAsync("missing-key", default));
    }
}
