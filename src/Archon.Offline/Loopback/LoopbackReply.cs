namespace Archon.Offline.Loopback;

/// <summary>
/// What the loopback server sends back. A normal reply has <see cref="Text"/>; a raw reply (status, headers, body
/// exactly as given) lets tests inject faults such as 429 with Retry-After, 500, malformed JSON or empty choices.
/// </summary>
public sealed record LoopbackReply
{
    public string? Text { get; init; }
    public int StatusCode { get; init; } = 200;
    public string? RawBody { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public TimeSpan Delay { get; init; }

    /// <summary>Close the connection without answering (a dropped connection as the client sees it).</summary>
    public bool DropConnection { get; init; }

    public static LoopbackReply Ok(string text) => new() { Text = text };

    public static LoopbackReply Dropped() => new() { DropConnection = true };

    public static LoopbackReply Raw(int status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new() { StatusCode = status, RawBody = body, Headers = headers ?? new Dictionary<string, string>() };
}
