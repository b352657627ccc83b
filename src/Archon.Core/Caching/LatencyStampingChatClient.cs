using System.Runtime.CompilerServices;
using Archon.Core.Providers;
using Microsoft.Extensions.AI;

namespace Archon.Core.Caching;

/// <summary>
/// Sits just inside the response cache: stamps each response that does not already report one (the SIMULATED provider
/// reports its simulated latency) with the time the call took, retries included, so a later cache hit can report the
/// latency the call would have had.
/// </summary>
internal sealed class LatencyStampingChatClient(IChatClient inner, TimeProvider time) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        response.AdditionalProperties ??= [];
        response.AdditionalProperties.TryAdd(CallMetadata.LatencyMs, time.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    /// <summary>
    /// A stream gets a last, empty update carrying the latency (when no update reported one): the cache coalesces the
    /// updates into the response it stores, so a streamed miss stores its latency like a non-streamed one.
    /// </summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var reported = false;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            reported |= update.AdditionalProperties?.ContainsKey(CallMetadata.LatencyMs) == true;
            yield return update;
        }

        if (!reported)
        {
            yield return new ChatResponseUpdate
            {
                Role = ChatRole.Assistant,
                AdditionalProperties = new AdditionalPropertiesDictionary { [CallMetadata.LatencyMs] = time.GetElapsedTime(started).TotalMilliseconds },
            };
        }
    }
}
