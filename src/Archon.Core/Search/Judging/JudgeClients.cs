using System.Collections.Concurrent;
using Archon.Core.Caching;
using Archon.Core.Providers;
using Microsoft.Extensions.AI;

namespace Archon.Core.Search.Judging;

/// <summary>
/// Judge (and baseline) clients for search scoring: the model's provider stack from the factory (retries, timeouts,
/// concurrency caps), under the search's response cache (so re-scoring a candidate never re-asks the judge) and
/// outermost the <see cref="JudgeMeter"/>, which counts made vs cached calls and their cost apart from the candidates'.
/// </summary>
public static class JudgeClients
{
    public static Func<string, IChatClient> Create(ModelClientFactory factory, IResponseCacheStore cache, JudgeMeter meter)
    {
        var clients = new ConcurrentDictionary<string, IChatClient>(StringComparer.Ordinal);
        return id => clients.GetOrAdd(id, _ =>
        {
            var entry = factory.GetEntry(id);
            return new ChatClientBuilder(factory.GetClient(id))
                .Use(inner => new MeteredJudgeChatClient(inner, meter, entry))
                .UseResponseCache(cache, $"judge|{entry.Provider}|{entry.Endpoint}|{entry.Deployment}")
                .Build();
        });
    }
}
