using Microsoft.Extensions.AI;

namespace Archon.Core.Caching;

public static class ResponseCacheChatClientBuilderExtensions
{
    /// <summary>Adds the content-addressed response cache; <paramref name="provider"/> is part of every key.</summary>
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, IResponseCacheStore store, string provider) =>
        builder.Use(inner => new ResponseCacheChatClient(inner, store, provider));
}
