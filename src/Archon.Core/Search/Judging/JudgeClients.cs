using System.Collections.Concurrent;
using Archon.Core.Providers;
using Microsoft.Extensions.AI;

namespace Archon.Core.Search.Judging;

/// <summary>
/// Judge (and baseline) clients for search scoring: the model's provider stack from the factory (its response cache,
/// so re-scoring a candidate never re-asks the judge; retries, timeouts, concurrency caps) and outermost the
/// <see cref="JudgeMeter"/>, which counts made vs cached calls and their cost apart from the candidates'. The meter
/// sits above the cache so it sees hits (<see cref="CallMetadata.Cached"/>).
/// </summary>
public static class JudgeClients
{
    public static Func<string, IChatClient> Create(ModelClientFactory factory, JudgeMeter meter)
    {
        var clients = new ConcurrentDictionary<string, IChatClient>(StringComparer.Ordinal);
        return id => clients.GetOrAdd(id, _ => new MeteredJudgeChatClient(factory.GetClient(id), meter, factory.GetEntry(id)));
    }
}
