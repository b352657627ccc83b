using Archon.Core.Architecture;

namespace Archon.Durable.Architectures;

/// <summary>
/// Several catalogs in priority order: the first that knows a name wins; listing is the union. The Functions app puts
/// the store (uploaded architectures) before the architectures bundled with the app.
/// </summary>
public sealed class CompositeArchitectureCatalog(params IArchitectureCatalog[] catalogs) : IArchitectureCatalog
{
    public async Task<ArchitectureConfig?> FindAsync(string name, CancellationToken cancellationToken)
    {
        foreach (var catalog in catalogs)
        {
            if (await catalog.FindAsync(name, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public async Task<DateTimeOffset?> CreatedAsync(string name, CancellationToken cancellationToken)
    {
        foreach (var catalog in catalogs)
        {
            if (await catalog.FindAsync(name, cancellationToken).ConfigureAwait(false) is not null)
            {
                return await catalog.CreatedAsync(name, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var catalog in catalogs)
        {
            names.UnionWith(await catalog.ListAsync(cancellationToken).ConfigureAwait(false));
        }

        return names.ToList();
    }
}
