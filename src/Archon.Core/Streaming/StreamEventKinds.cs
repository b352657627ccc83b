namespace Archon.Core.Streaming;

/// <summary>The kinds of <see cref="StreamEvent"/>.</summary>
public static class StreamEventKinds
{
    /// <summary>Answer text (tokens) of the streamed model call.</summary>
    public const string Delta = "delta";

    /// <summary>The streamed call started a new attempt (provider or activity retry): later deltas replace earlier ones.</summary>
    public const string Restart = "restart";

    /// <summary>The streamed call finished (successfully or not); no more deltas follow from it.</summary>
    public const string End = "end";

    /// <summary>A reader (HTTP request) attached, e.g. a client reconnecting with Last-Event-ID.</summary>
    public const string Attach = "attach";

    /// <summary>The client is gone and did not come back: the writer stops its model call.</summary>
    public const string Cancel = "cancel";
}
