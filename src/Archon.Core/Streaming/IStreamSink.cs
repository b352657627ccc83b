namespace Archon.Core.Streaming;

/// <summary>Where a streaming model call hands its tokens as they arrive (a <see cref="RelayWriter"/> in the activity).</summary>
public interface IStreamSink
{
    /// <summary>Text the model just produced. Must not block: the model stream is being read.</summary>
    void Delta(string text);

    /// <summary>A new attempt of the call starts: what was written so far is void.</summary>
    void Restart();
}
