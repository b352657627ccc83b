namespace Archon.Core.Architecture;

/// <summary>An Archon architecture: named, ordered layers. Immutable; safe to share across hosts.</summary>
public sealed record ArchitectureConfig
{
    public required string Name { get; init; }
    public bool Custom { get; init; }
    public required IReadOnlyList<LayerConfig> Layers { get; init; }

    /// <summary>The distinct model ids the components name, in order of first use (components without a model skipped).</summary>
    public IReadOnlyList<string> ModelIds() =>
        Layers.SelectMany(l => l.Components).Select(c => c.Model).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
