using Microsoft.Extensions.AI;
using Archon.Core.Providers;

namespace Archon.Core.Caching;

/// <summary>
/// Serves repeated calls from a content-addressed store (<see cref="ResponseCacheKey"/>) and stores new successful
/// responses. Hits carry <see cref="CallMetadata.Cached"/> = true. Off by default for inference; search turns it on so
/// re-evaluating an architecture does not pay twice.
/// </summary>
public sealed partial class ResponseCacheChatClient(IChatClient inner, IResponseCacheStore store, string provider) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var model = options?.ModelId ?? (GetService(typeof(ChatClientMetadata)) as ChatClientMetadata)?.DefaultModelId;
        var key = ResponseCacheKey.Compute(provider, model, list, options);
        if (await store.GetAsync(key, cancellationToken) is { } hit)
        {
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, hit.Text))
            {
                ModelId = hit.ModelId,
                Usage = new UsageDetails { InputTokenCount = hit.InputTokens, OutputTokenCount = hit.OutputTokens },
                AdditionalProperties = new AdditionalPropertiesDictionary { [CallMetadata.Cached] = true, [CallMetadata.Retries] = 0 },
            };
        }

        var response = await base.GetResponseAsync(list, options, cancellationToken);
        if (!string.IsNullOrWhiteSpace(response.Text))
        {
            await store.SetAsync(key, new CachedChatResponse(response.Text, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, response.ModelId), cancellationToken);
        }

        return response;
    }
}
