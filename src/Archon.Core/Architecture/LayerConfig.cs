namespace Archon.Core.Architecture;

/// <summary>One layer: components that all read the previous layer's state and run concurrently.</summary>
public sealed record LayerConfig(IReadOnlyList<ComponentConfig> Components);
