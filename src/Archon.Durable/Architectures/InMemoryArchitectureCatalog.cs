using Archon.Core.Architecture;

namespace Archon.Durable.Architectures;

/// <summary>A fixed set of architectures keyed by <see cref="ArchitectureConfig.Name"/> (CLI runs and tests).</summary>
public sealed class InMemoryArchitectureCatalog(IEnumerable<ArchitectureConfig> architectures) : IArchitectureCatalog
{
    private readonly Dictionary<string, ArchitectureConfig> _byName =
        architectures.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public Task<ArchitectureConfig?> FindAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_byName.GetValueOrDefault(name));

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_byName.Keys.Order(StringComparer.Ordinal).ToList());
}
