using Archon.Core.Providers;
using Microsoft.Extensions.AI;

namespace Archon.Core.Search.Judging;

/// <summary>
/// Records every judge response on a <see cref="JudgeMeter"/>: cached (the response cache below marked it) or made,
/// with its cost from the catalog prices and the reported token usage. Sits outermost on the judge's provider stack so
/// it sees cache hits.
/// </summary>
public sealed class MeteredJudgeChatClient(IChatClient inner, JudgeMeter meter, ModelEntry entry) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var cached = response.AdditionalProperties?.TryGetValue(CallMetadata.Cached, out var c) == true && c is true;
        var cost = cached ? 0 : (double)entry.CostUsd(response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
        meter.Record(cached, cost);
        return response;
    }
}
