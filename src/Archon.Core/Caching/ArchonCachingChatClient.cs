using System.Text.RegularExpressions;
using Archon.Core.Providers;
using Microsoft.Extensions.AI;

namespace Archon.Core.Caching;

/// <summary>
/// The one response cache: Microsoft.Extensions.AI's <see cref="CachingChatClient"/> with Archon's stable key
/// (<see cref="ResponseCacheKey"/>: provider, model, messages, temperature, max tokens, sample index, role, item) and an
/// <see cref="IResponseCacheStore"/> (the result store in hosts, a folder for <c>archon run --cache-dir</c>). A hit is
/// flagged <see cref="CallMetadata.Cached"/> and carries the latency the original call had
/// (<see cref="CallMetadata.LatencyMs"/>), so its cost and latency are what the call would have had; reports then
/// show what was spent and what the cache saved. Only non-empty responses are stored. A streamed hit is replayed in
/// word-sized updates.
/// </summary>
public sealed partial class ArchonCachingChatClient : CachingChatClient
{
    private readonly IResponseCacheStore _store;
    private readonly string _provider;

    public ArchonCachingChatClient(IChatClient inner, IResponseCacheStore store, string provider, TimeProvider? timeProvider = null)
        : base(new LatencyStampingChatClient(inner, timeProvider ?? TimeProvider.System))
    {
        _store = store;
        _provider = provider;
        // One cache entry per logical response, streamed or not: the streaming read/write hooks below coalesce a
        // streamed miss into the same entry a non-streamed call stores. Coalescing is off in the base class so a hit
        // goes through ReadCacheStreamingAsync and replays word by word (the base would replay one block).
        CoalesceStreamingUpdates = false;
    }

    protected override string GetCacheKey(IEnumerable<ChatMessage> messages, ChatOptions? options, params ReadOnlySpan<object?> additionalValues)
    {
        var model = options?.ModelId ?? (GetService(typeof(ChatClientMetadata)) as ChatClientMetadata)?.DefaultModelId;
        return ResponseCacheKey.Compute(_provider, model, messages, options);
    }

    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken) =>
        await _store.GetAsync(key, cancellationToken) is { } hit ? ToResponse(hit) : null;

    protected override async Task<IReadOnlyList<ChatResponseUpdate>?> ReadCacheStreamingAsync(string key, CancellationToken cancellationToken) =>
        await _store.GetAsync(key, cancellationToken) is { } hit ? ToUpdates(hit) : null;

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

    /// <summary>
    /// A hit replayed as a stream: the stored text in word-sized updates (so a cached final stage streams to a chat UI
    /// like a live one rather than as one block), the cache flags on the first, the usage and finish reason last.
    /// </summary>
    private static List<ChatResponseUpdate> ToUpdates(CachedChatResponse hit)
    {
        var updates = new List<ChatResponseUpdate>();
        foreach (var piece in Pieces(hit.Text))
        {
            updates.Add(new ChatResponseUpdate(ChatRole.Assistant, piece) { ModelId = hit.ModelId });
        }

        updates.Add(new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = hit.InputTokens, OutputTokenCount = hit.OutputTokens })])
        {
            ModelId = hit.ModelId,
            FinishReason = ChatFinishReason.Stop,
        });
        updates[0].AdditionalProperties = HitProperties(hit);
        return updates;
    }

    /// <summary>Words with their trailing whitespace: concatenated they give back the text exactly.</summary>
    internal static IEnumerable<string> Pieces(string text) => WordPattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\S+\s*|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    private static AdditionalPropertiesDictionary HitProperties(CachedChatResponse hit)
    {
        var props = new AdditionalPropertiesDictionary { [CallMetadata.Cached] = true, [CallMetadata.Retries] = 0 };
        if (hit.LatencyMs is { } latency)
        {
            props[CallMetadata.LatencyMs] = latency;
        }

        return props;
    }

    private static ChatResponse ToResponse(CachedChatResponse hit)
    {
        var props = HitProperties(hit);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, hit.Text))
        {
            ModelId = hit.ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = hit.InputTokens, OutputTokenCount = hit.OutputTokens },
            AdditionalProperties = props,
        };
    }
}
