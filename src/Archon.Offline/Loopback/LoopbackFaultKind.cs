namespace Archon.Offline.Loopback;

/// <summary>The provider failures <see cref="LoopbackFaultInjector"/> can inject, as real providers show them.</summary>
public enum LoopbackFaultKind
{
    /// <summary>429 with Retry-After (and OpenAI's retry-after-ms).</summary>
    RateLimited,

    /// <summary>500 with an error body in the request's protocol.</summary>
    ServerError,

    /// <summary>A normal reply that arrives only after <see cref="LoopbackFaultOptions.SlowDelay"/> (past the client's timeout).</summary>
    Slow,

    /// <summary>200 with a truncated JSON body.</summary>
    MalformedJson,

    /// <summary>200 with no choices (OpenAI) or no content blocks (Anthropic).</summary>
    EmptyContent,

    /// <summary>The connection is closed without a response.</summary>
    DroppedConnection,
}
