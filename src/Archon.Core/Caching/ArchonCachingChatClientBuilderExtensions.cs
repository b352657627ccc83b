using Microsoft.Extensions.AI;

namespace Archon.Core.Caching;

public static class ArchonCachingChatClientBuilderExtensions
{
    /// <summary>Adds the response cache (<see cref="ArchonCachingChatClient"/>); <paramref name="provider"/> is part of every key.</summary>
    public static ChatClientBuilder UseArchonResponseCache(this ChatClientBuilder builder, IResponseCacheStore store, string provider, TimeProvider? timeProvider = null) =>
        builder.Use(inner => new ArchonCachingChatClient(inner, store, provider, timeProvider));
}
