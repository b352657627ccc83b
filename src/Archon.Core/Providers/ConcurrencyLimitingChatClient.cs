using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Archon.Core.Providers;

/// <summary>
/// Caps calls in flight through a shared gate. One gate per provider endpoint (and one per model) keeps a wide layer
/// from tripping provider rate limits; excess calls queue here instead of failing with 429s.
/// </summary>
public sealed class ConcurrencyLimitingChatClient(IChatClient inner, SemaphoreSlim gate) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                yield return update;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
