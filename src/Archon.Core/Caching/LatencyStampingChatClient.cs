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
}
