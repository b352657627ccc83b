using Archon.Core.Providers;
using Microsoft.Extensions.AI;

namespace Archon.Core.Caching;

/// <summary>
/// The one response cache: Microsoft.Extensions.AI's <see cref="CachingChatClient"/> with Archon's stable key
/// (<see cref="ResponseCacheKey"/>: provider, model, messages, temperature, max tokens, sample index, role, item) and an
/// <see cref="IResponseCacheStore"/> (the result store in hosts, a folder for <c>archon run --cache-dir</c>). A hit is
/// flagged <see cref="CallMetadata.Cached"/> and carries the latency the original call had
/// (<see cref="CallMetadata.LatencyMs"/>), so its cost and latency are what the call would have had; reports then
/// show what was spent and what the cache saved. Only non-empty responses are stored.
/// </summary>
public sealed class ArchonCachingChatClient : CachingChatClient
{
    private readonly IResponseCacheStore _store;
    private readonly string _provider;

    public ArchonCachingChatClient(IChatClient inner, IResponseCacheStore store, string provider, TimeProvider? timeProvider = null)
        : base(new LatencyStampingChatClient(inner, timeProvider ?? TimeProvider.System))
    {
        _store = store;
        _provider = provider;
        // One cache entry per logical response, streamed or not: a streamed miss is stored as its coalesced response.
        CoalesceStreamingUpdates = true;
    }

    protected override string GetCacheKey(IEnumerable<ChatMessage> messages, ChatOptions? options, params ReadOnlySpan<object?> additionalValues)
    {
        var model = options?.ModelId ?? (GetService(typeof(ChatClientMetadata)) as ChatClientMetadata)?.DefaultModelId;
        return ResponseCacheKey.Compute(_provider, model, messages, options);
    }

    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken) =>
        await _store.GetAsync(key, cancellationToken) is { } hit ? ToResponse(hit) : null;

    protected override async Task<IReadOnlyList<ChatResponseUpdate>?> ReadCacheStreamingAsync(string key, CancellationToken cancellationToken) =>
        await _store.GetAsync(key, cancellationToken) is { } hit ? ToResponse(hit).ToChatResponseUpdates() : null;

    protected override Task WriteCacheAsync(string key, ChatResponse value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value.Text))
        {
            return Task.CompletedTask;
        }

        var latency = value.AdditionalProperties?.TryGetValue(CallMetadata.LatencyMs, out var l) == true && l is double d ? d : (double?)null;
        return _store.SetAsync(key, new CachedChatResponse(value.Text, value.Usage?.InputTokenCount, value.Usage?.OutputTokenCount, value.ModelId, latency), cancellationToken);
    }

    protected override Task WriteCacheStreamingAsync(string key, IReadOnlyList<ChatResponseUpdate> value, CancellationToken cancellationToken) =>
        WriteCacheAsync(key, value.ToChatResponse(), cancellationToken);

    private static ChatResponse ToResponse(CachedChatResponse hit)
    {
        var props = new AdditionalPropertiesDictionary { [CallMetadata.Cached] = true, [CallMetadata.Retries] = 0 };
        if (hit.LatencyMs is { } latency)
        {
            props[CallMetadata.LatencyMs] = latency;
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, hit.Text))
        {
            ModelId = hit.ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = hit.InputTokens, OutputTokenCount = hit.OutputTokens },
            AdditionalProperties = props,
        };
    }
}
