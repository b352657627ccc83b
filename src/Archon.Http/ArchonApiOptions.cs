namespace Archon.Http;

/// <summary>Limits of the HTTP API (section <c>ArchonApi</c>). Defaults documented per property.</summary>
public sealed class ArchonApiOptions
{
    public const string SectionName = "ArchonApi";

    /// <summary>Largest accepted request body (default 1 MiB); larger → 413.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest <c>?wait=N</c> in seconds (default 300); larger → 400.</summary>
    public int MaxWaitSeconds { get; set; } = 300;

    /// <summary>How long /v1/chat/completions waits for the orchestration (default 300 s); then 504.</summary>
    public int ChatCompletionTimeoutSeconds { get; set; } = 300;

    /// <summary>Most messages in one conversation (default 256).</summary>
    public int MaxMessages { get; set; } = 256;

    /// <summary>Largest <c>n</c> (choices) of one chat completion (default 8); larger → 400 naming <c>n</c>.</summary>
    public int MaxChoices { get; set; } = 8;

    /// <summary>Streaming: longest silence before an SSE keep-alive comment (default 5 s).</summary>
    public double StreamKeepAliveSeconds { get; set; } = 5;

    /// <summary>Streaming: how often the orchestration's progress is read (default 250 ms).</summary>
    public int StreamStatusPollMilliseconds { get; set; } = 250;

    /// <summary>
    /// Streaming: how long a disconnected client has to reconnect with Last-Event-ID before its remaining model calls
    /// are cancelled (default 10 s; 0 = cancel at once).
    /// </summary>
    public double StreamReconnectGraceSeconds { get; set; } = 10;

    /// <summary>Null when valid, else the first rule broken.</summary>
    public string? Validate() =>
        MaxRequestBytes < 1024 ? $"{SectionName}:MaxRequestBytes: must be at least 1024"
        : MaxWaitSeconds < 0 ? $"{SectionName}:MaxWaitSeconds: must be 0 or more"
        : ChatCompletionTimeoutSeconds < 1 ? $"{SectionName}:ChatCompletionTimeoutSeconds: must be at least 1"
        : MaxMessages < 1 ? $"{SectionName}:MaxMessages: must be at least 1"
        : MaxChoices < 1 ? $"{SectionName}:MaxChoices: must be at least 1"
        : StreamKeepAliveSeconds <= 0 ? $"{SectionName}:StreamKeepAliveSeconds: must be more than 0"
        : StreamStatusPollMilliseconds < 10 ? $"{SectionName}:StreamStatusPollMilliseconds: must be at least 10"
        : StreamReconnectGraceSeconds < 0 ? $"{SectionName}:StreamReconnectGraceSeconds: must be 0 or more"
        : null;
}
