namespace Archon.Core.Architecture;

/// <summary>An Archon architecture: named, ordered layers. Immutable; safe to share across hosts.</summary>
public sealed record ArchitectureConfig
{
    public required string Name { get; init; }
    public bool Custom { get; init; }
    public required IReadOnlyList<LayerConfig> Layers { get; init; }
}
