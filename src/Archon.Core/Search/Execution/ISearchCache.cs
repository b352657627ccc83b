namespace Archon.Core.Search.Execution;

/// <summary>Key/value bytes shared by all candidates of a search: layer-prefix states (model responses are cached by the provider stack).
/// The durable host backs it with the result store, so a restarted search replays instead of recomputing.</summary>
public interface ISearchCache
{
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    Task PutAsync(string key, byte[] value, CancellationToken cancellationToken);
}
