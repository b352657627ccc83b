namespace Archon.Core.Caching;

/// <summary>What the cache keeps of a response: enough to replay text, usage and the latency the call had.</summary>
public sealed record CachedChatResponse(string Text, long? InputTokens, long? OutputTokens, string? ModelId, double? LatencyMs = null);
