namespace Archon.Core.Streaming;

/// <summary>
/// An append-only event log per stream id that carries the final stage's tokens from the model-call activity (which
/// may run on another instance) to the HTTP request that streams them. Readers address events by index, so a client
/// that reconnects (Last-Event-ID) resumes where it was. Implementations: <see cref="InMemoryStreamRelay"/> (embedded
/// host, one process) and the Blob Storage relay of Archon.Hosting (the Functions app).
/// </summary>
public interface IStreamRelay
{
    /// <summary>Appends events (in order) to the stream, creating it on first use.</summary>
    Task AppendAsync(string streamId, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// The events from index <paramref name="from"/> on. When there are none yet, waits up to <paramref name="wait"/>
    /// for some to arrive (long poll) and returns an empty list if none did. An unknown stream reads as empty.
    /// </summary>
    Task<IReadOnlyList<StreamEvent>> ReadAsync(string streamId, int from, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Removes the stream (after the response finished); unknown ids are ignored.</summary>
    Task DeleteAsync(string streamId, CancellationToken cancellationToken);
}
