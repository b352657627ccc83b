namespace Archon.Core.Execution;

/// <summary>What one model call produced. <see cref="Error"/> is set (and <see cref="Text"/> null) when the call failed
/// after its retries; the trace keeps it rather than silently dropping the candidate.</summary>
public sealed record ModelCallResult(
    string CallId,
    string? Text,
    int InputTokens,
    int OutputTokens,
    decimal CostUsd,
    double LatencyMs,
    int Retries,
    bool Cached,
    string? Error,
    DateTimeOffset StartedAt)
{
    public bool Succeeded => Error is null && Text is not null;

    /// <summary>How the request was adapted to the model's capabilities (dropped temperature, clamped max tokens, ...); empty when it went out unchanged.</summary>
    public IReadOnlyList<string> Adaptations { get; init; } = [];
}
