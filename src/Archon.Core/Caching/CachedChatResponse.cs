namespace Archon.Core.Caching;

/// <summary>What the cache keeps of a response: enough to replay text and usage.</summary>
public sealed record CachedChatResponse(string Text, long? InputTokens, long? OutputTokens, string? ModelId);
