namespace Archon.Core.Streaming;

/// <summary>
/// One entry of a relay stream. <see cref="StreamEventKinds.Delta"/> carries answer text as the model produced it; the
/// other kinds are control entries written by the HTTP side (a reader detached or re-attached, the client is gone).
/// </summary>
public sealed record StreamEvent(string Kind, string? Text = null)
{
    public static StreamEvent Delta(string text) => new(StreamEventKinds.Delta, text);
}
