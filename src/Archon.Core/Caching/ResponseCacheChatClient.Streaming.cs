using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Archon.Core.Providers;
using Microsoft.Extensions.AI;

namespace Archon.Core.Caching;

/// <summary>
/// Streaming through the cache: a hit is replayed as a stream (the stored text in word-sized updates, then the
/// stored usage), so a cached final stage streams like a live one; a miss streams from the provider and stores the
/// assembled response once the stream completed. A stream that fails or is abandoned stores nothing.
/// </summary>
public sealed partial class ResponseCacheChatClient
{
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var model = options?.ModelId ?? (GetService(typeof(ChatClientMetadata)) as ChatClientMetadata)?.DefaultModelId;
        var key = ResponseCacheKey.Compute(provider, model, list, options);
        if (await store.GetAsync(key, cancellationToken) is { } hit)
        {
            foreach (var piece in Pieces(hit.Text))
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, piece)
                {
                    ModelId = hit.ModelId,
                    AdditionalProperties = new AdditionalPropertiesDictionary { [CallMetadata.Cached] = true, [CallMetadata.Retries] = 0 },
                };
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = hit.InputTokens, OutputTokenCount = hit.OutputTokens })])
            {
                ModelId = hit.ModelId,
                FinishReason = ChatFinishReason.Stop,
            };
            yield break;
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            updates.Add(update);
            yield return update;
        }

        var response = updates.ToChatResponse();
        if (!string.IsNullOrWhiteSpace(response.Text))
        {
            await store.SetAsync(key, new CachedChatResponse(response.Text, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, response.ModelId), cancellationToken);
        }
    }

    /// <summary>Words with their trailing whitespace: concatenated they give back the text exactly.</summary>
    internal static IEnumerable<string> Pieces(string text) =>
        Regex.Matches(text, @"\S+\s*|\s+").Select(m => m.Value);
}
