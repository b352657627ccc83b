using Archon.Core.Architecture;

namespace Archon.Core.Components;

/// <summary>
/// The one registration point for component types. <see cref="CreateDefault"/> holds the seven built-in types; custom
/// types are added with <see cref="Register(ComponentRegistration)"/> (from code, from a plugin assembly through
/// <see cref="ComponentPlugins"/>, or through <c>AddArchonComponents</c> in DI) and are then accepted by the loader,
/// the validator, the runner and the hosts that share this registry.
/// </summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<string, ComponentRegistration> registrations = new(StringComparer.Ordinal);

    public static ComponentRegistry CreateDefault() => new ComponentRegistry()
        .Register(ComponentTypes.Generator, new GeneratorComponent())
        .Register(ComponentTypes.Fuser, new FuserComponent())
        .Register(ComponentTypes.Ranker, new RankerComponent())
        .Register(ComponentTypes.Critic, new CriticComponent())
        .Register(ComponentTypes.Verifier, new VerifierComponent())
        .Register(ComponentTypes.UnitTestGenerator, new UnitTestGeneratorComponent())
        .Register(ComponentTypes.UnitTestEvaluator, new UnitTestEvaluatorComponent());

    /// <summary>The default registry plus opaque entries for <paramref name="types"/> (type names only: no keys, no rules).</summary>
    public static ComponentRegistry ForTypes(IEnumerable<string> types)
    {
        var registry = CreateDefault();
        foreach (var type in types.Where(t => !registry.Contains(t)))
        {
            registry.Register(new ComponentRegistration(type, new UnavailableComponent(type)));
        }

        return registry;
    }

    /// <summary>Adds or replaces a type with its implementation only (no keys or rules).</summary>
    public ComponentRegistry Register(string type, IArchitectureComponent component) =>
        Register(new ComponentRegistration(type, component));

    /// <summary>Adds or replaces a type. Built-in names may be replaced (e.g. a different fuser), keeping their built-in keys.</summary>
    public ComponentRegistry Register(ComponentRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Type);
        ArgumentNullException.ThrowIfNull(registration.Component);
        var clash = registration.Keys.Select(k => k.Name).FirstOrDefault(ComponentKeys.IsBuiltIn);
        if (clash is not null)
        {
            throw new ArgumentException($"component type \"{registration.Type}\": key \"{clash}\" is a built-in key and cannot be redeclared", nameof(registration));
        }

        registrations[registration.Type] = registration;
        return this;
    }

    public IReadOnlySet<string> Types => registrations.Keys.ToHashSet(StringComparer.Ordinal);

    public IReadOnlyCollection<ComponentRegistration> Registrations => registrations.Values;

    public bool Contains(string type) => registrations.ContainsKey(type);

    public static bool IsBuiltIn(string type) => ArchitectureValidator.BuiltInTypes.Contains(type);

    public bool TryGetRegistration(string type, out ComponentRegistration registration) => registrations.TryGetValue(type, out registration!);

    public bool TryGet(string type, out IArchitectureComponent component)
    {
        var found = registrations.TryGetValue(type, out var r);
        component = r?.Component!;
        return found;
    }

    public IArchitectureComponent Get(string type) =>
        TryGet(type, out var component)
            ? component
            : throw new KeyNotFoundException($"component type \"{type}\" is not registered (known: {string.Join(", ", registrations.Keys.Order())})");
}
