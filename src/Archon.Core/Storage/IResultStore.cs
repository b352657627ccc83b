namespace Archon.Core.Storage;

/// <summary>
/// Durable results (traces, search candidates, leaderboards, response cache) addressed by container + name.
/// Writes are idempotent overwrites so a retried activity replaces its blob instead of adding a second one;
/// names are deterministic (see <see cref="BlobLayout"/>), never time- or Guid-based.
/// </summary>
public interface IResultStore
{
    /// <summary>Human-readable location of the store (account URI or folder) for logs and CLI output.</summary>
    string Location { get; }

    Task PutBytesAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when the container or blob does not exist.</summary>
    Task<byte[]?> GetBytesAsync(string container, string name, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken);

    /// <summary>Names under <paramref name="prefix"/> (empty = all), ordinal order; empty when the container does not exist.</summary>
    Task<IReadOnlyList<string>> ListAsync(string container, string prefix, CancellationToken cancellationToken);

    /// <summary>When the blob was last written, or null when it does not exist (or the store cannot tell).</summary>
    Task<DateTimeOffset?> GetModifiedAsync(string container, string name, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);
}
