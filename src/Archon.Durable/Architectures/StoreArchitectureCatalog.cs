using System.Text;
using Archon.Core.Architecture;
using Archon.Core.Components;
using Archon.Core.Storage;

namespace Archon.Durable.Architectures;

/// <summary>
/// Registered architectures in the result store: <c>archon-architectures/{name}.json</c> (the Functions app's catalog).
/// Read on each lookup so an uploaded architecture is served without a restart. A stored file that does not load is
/// reported as an error naming the blob and rule rather than treated as missing.
/// </summary>
public sealed class StoreArchitectureCatalog(IResultStore store, ComponentRegistry? registry = null) : IArchitectureCatalog
{
    private readonly ComponentRegistry _registry = registry ?? ComponentRegistry.CreateDefault();

    public async Task<ArchitectureConfig?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var target = BlobLayout.Architecture(name);
        var bytes = await store.GetBytesAsync(target.Container, target.Name, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        return ArchitectureLoader.Parse(Encoding.UTF8.GetString(bytes), target.ToString(), _registry).GetOrThrow();
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = await store.ListAsync(BlobLayout.ArchitecturesContainer, "", cancellationToken).ConfigureAwait(false);
        return names.Where(n => n.EndsWith(".json", StringComparison.Ordinal) && !n.Contains('/', StringComparison.Ordinal))
            .Select(n => n[..^".json".Length])
            .ToList();
    }

    /// <summary>Registers (or replaces) an architecture under its name.</summary>
    public Task PutAsync(ArchitectureConfig architecture, CancellationToken cancellationToken)
    {
        var target = BlobLayout.Architecture(architecture.Name);
        return store.PutBytesAsync(target.Container, target.Name, Encoding.UTF8.GetBytes(ArchitectureLoader.ToJson(architecture)), "application/json", cancellationToken);
    }
}
