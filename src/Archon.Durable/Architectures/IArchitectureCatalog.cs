using Archon.Core.Architecture;

namespace Archon.Durable.Architectures;

/// <summary>Registered architectures by name: what <c>model</c> means on /v1/chat/completions and what a name resolves to.</summary>
public interface IArchitectureCatalog
{
    /// <summary>The architecture, or null when no architecture has that name.</summary>
    Task<ArchitectureConfig?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>All registered names, ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>When the architecture was registered (its file's or blob's last write), or null when unknown.</summary>
    Task<DateTimeOffset?> CreatedAsync(string name, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);
}
