using Archon.Core.Architecture;

namespace Archon.Core.Components;

/// <summary>
/// Maps component type names to implementations. <see cref="CreateDefault"/> holds the seven built-in types; custom
/// types are added from code with <see cref="Register"/> and are then accepted by validation and the runner.
/// </summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<string, IArchitectureComponent> components = new(StringComparer.Ordinal);

    public static ComponentRegistry CreateDefault() => new ComponentRegistry()
        .Register(ComponentTypes.Generator, new GeneratorComponent())
        .Register(ComponentTypes.Fuser, new FuserComponent())
        .Register(ComponentTypes.Ranker, new RankerComponent())
        .Register(ComponentTypes.Critic, new CriticComponent())
        .Register(ComponentTypes.Verifier, new VerifierComponent())
        .Register(ComponentTypes.UnitTestGenerator, new UnitTestGeneratorComponent())
        .Register(ComponentTypes.UnitTestEvaluator, new UnitTestEvaluatorComponent());

    /// <summary>Adds or replaces the implementation of <paramref name="type"/>.</summary>
    public ComponentRegistry Register(string type, IArchitectureComponent component)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        components[type] = component;
        return this;
    }

    public IReadOnlySet<string> Types => components.Keys.ToHashSet(StringComparer.Ordinal);

    public bool TryGet(string type, out IArchitectureComponent component) => components.TryGetValue(type, out component!);

    public IArchitectureComponent Get(string type) =>
        TryGet(type, out var component)
            ? component
            : throw new KeyNotFoundException($"component type \"{type}\" is not registered (known: {string.Join(", ", components.Keys.Order())})");
}
