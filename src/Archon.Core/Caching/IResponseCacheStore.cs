namespace Archon.Core.Caching;

/// <summary>Where cached model responses live, by content-addressed key (see <see cref="ResponseCacheKey"/>).</summary>
public interface IResponseCacheStore
{
    Task<CachedChatResponse?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, CachedChatResponse response, CancellationToken cancellationToken);
}
