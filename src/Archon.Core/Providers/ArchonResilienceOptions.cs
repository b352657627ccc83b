namespace Archon.Core.Providers;

/// <summary>Retry and timeout settings of <see cref="ArchonResilienceChatClient"/>. Defaults suit hosted LLM APIs.</summary>
public sealed record ArchonResilienceOptions
{
    /// <summary>Retries after the first attempt (default 4).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay; doubles per retry, with jitter (default 1 s).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one backoff delay (default 60 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest Retry-After we honour; longer waits are cut to this (default 120 s).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Timeout of one attempt (default 120 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
