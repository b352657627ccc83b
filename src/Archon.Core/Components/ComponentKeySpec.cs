namespace Archon.Core.Components;

/// <summary>A config key a custom component reads (beyond type, model, model_type, temperature, max_tokens, samples, no_system, id).</summary>
public sealed record ComponentKeySpec(string Name, ComponentKeyKind Kind, string? Description = null);
