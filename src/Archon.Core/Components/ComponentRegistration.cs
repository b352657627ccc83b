using Archon.Core.Architecture;

namespace Archon.Core.Components;

/// <summary>
/// Everything Archon needs to know about a component type, given once: the implementation, the config keys it reads
/// (their values arrive in <see cref="ComponentConfig.Extra"/>), its own validation rules, and how it treats the
/// candidate flow. Registered in a <see cref="ComponentRegistry"/>, it is known to the loader (no unknown-key
/// warning, kinds checked), the validator (its rules run), the runner, and every host built from that registry.
/// </summary>
public sealed record ComponentRegistration(string Type, IArchitectureComponent Component)
{
    public IReadOnlyList<ComponentKeySpec> Keys { get; init; } = [];

    /// <summary>Extra checks; each returned sentence becomes a <c>component-rule</c> error naming the layer and component.</summary>
    public Func<ComponentConfig, IEnumerable<string>>? Validate { get; init; }

    /// <summary>True when the component calls the model named by <c>model</c> (then the catalog must resolve it).</summary>
    public bool RequiresModel { get; init; }

    /// <summary>True when it reads candidates, so an earlier layer must produce some.</summary>
    public bool NeedsCandidates { get; init; }

    public CandidateEffect Effect { get; init; } = CandidateEffect.Unknown;

    public string? Description { get; init; }
}
