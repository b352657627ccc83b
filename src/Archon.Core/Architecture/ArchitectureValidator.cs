using Archon.Core.Components;

namespace Archon.Core.Architecture;

/// <summary>
/// The construction rules of the Archon paper and of the reference implementation, as checks that name layer,
/// component index and rule (rule texts: docs/architecture-format.md). Custom component types bring their own rules
/// through their <see cref="ComponentRegistration"/>. A last layer that can leave several candidates is a warning
/// (the first one is the answer), and so is a generator layer after a generator layer (the reference runs it; the
/// later layer's candidates replace the earlier ones).
/// </summary>
public static class ArchitectureValidator
{
    private static readonly ComponentRegistry DefaultRegistry = ComponentRegistry.CreateDefault();

    public static IReadOnlySet<string> BuiltInTypes { get; } = new HashSet<string>(ComponentTypes.BuiltIn);

    /// <summary>The errors that make the architecture unusable (empty when it is valid).</summary>
    public static IReadOnlyList<ArchitectureDiagnostic> Validate(ArchitectureConfig architecture) =>
        Validate(architecture, DefaultRegistry);

    /// <summary>The errors, accepting the given component types by name (built-in plus custom ones without rules).</summary>
    public static IReadOnlyList<ArchitectureDiagnostic> Validate(ArchitectureConfig architecture, IReadOnlySet<string> knownTypes) =>
        Validate(architecture, ComponentRegistry.ForTypes(knownTypes));

    /// <summary>The errors, with the registry's component types and their rules.</summary>
    public static IReadOnlyList<ArchitectureDiagnostic> Validate(ArchitectureConfig architecture, ComponentRegistry registry) =>
        Check(architecture, registry).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Errors and warnings, accepting the given component types by name.</summary>
    public static IReadOnlyList<ArchitectureDiagnostic> Check(ArchitectureConfig architecture, IReadOnlySet<string> knownTypes) =>
        Check(architecture, ComponentRegistry.ForTypes(knownTypes));

    /// <summary>Errors and warnings.</summary>
    public static IReadOnlyList<ArchitectureDiagnostic> Check(ArchitectureConfig architecture, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(registry);
        var found = new List<ArchitectureDiagnostic>();
        void Error(string rule, string message, int layer, int? component = null) =>
            found.Add(new ArchitectureDiagnostic(rule, message, null, layer, component));
        void Warn(string rule, string message, int layer, int? component = null) =>
            found.Add(new ArchitectureDiagnostic(rule, message, null, layer, component) { Severity = DiagnosticSeverity.Warning });

        var layers = architecture.Layers;
        if (layers.Count == 0)
        {
            found.Add(new ArchitectureDiagnostic(ValidationRules.NoLayers, "the architecture has no layers"));
            return found;
        }

        var knownTypes = registry.Types;
        var flow = new CandidateFlow(registry);
        for (var li = 0; li < layers.Count; li++)
        {
            var components = layers[li].Components;
            if (components.Count == 0)
            {
                Error(ValidationRules.EmptyLayer, "the layer has no components", li);
                continue;
            }

            for (var ci = 0; ci < components.Count; ci++)
            {
                var c = components[ci];
                if (!knownTypes.Contains(c.Type))
                {
                    var near = Suggest.Nearest(c.Type, knownTypes);
                    Error(ValidationRules.UnknownType,
                        $"unknown component type \"{c.Type}\"{(near is null ? "" : $" (did you mean \"{near}\"?)")} (known: {string.Join(", ", knownTypes.Order())})", li, ci);
                    continue;
                }

                if (ci > 0 && c.Type != components[0].Type)
                {
                    Error(ValidationRules.OneTypePerLayer, $"a layer holds one component type: \"{c.Type}\" next to \"{components[0].Type}\"", li, ci);
                }

                if (ci == 1 && ComponentTypes.Solitary.Contains(components[0].Type))
                {
                    Error(ValidationRules.AloneInLayer, $"a {components[0].Type} must be the only component of its layer", li, ci);
                }

                CheckFields(c, li, ci, registry, Error);
                CheckOrder(c, li, ci, flow, registry, Error, Warn);
            }

            flow.Apply(components);
        }

        var lastLayer = layers.Count - 1;
        if (flow.Count == 0)
        {
            Error(ValidationRules.SingleFinalAnswer, "the last layer leaves no candidate answer", lastLayer);
        }
        else if (flow.Count > 1)
        {
            Warn(ValidationRules.SingleFinalAnswer, $"the last layer can leave {flow.Count} candidates; the first one is the answer (see the final-answer rule)", lastLayer);
        }

        return found;
    }

    private static void CheckFields(ComponentConfig c, int li, int ci, ComponentRegistry registry, Action<string, string, int, int?> error)
    {
        registry.TryGetRegistration(c.Type, out var registration);
        var needsModel = BuiltInTypes.Contains(c.Type) || registration?.RequiresModel == true;
        if (needsModel && string.IsNullOrWhiteSpace(c.Model))
        {
            error(ValidationRules.MissingModel, $"a {c.Type} needs a \"model\"", li, ci);
        }

        if (c.Samples < 1) error(ValidationRules.FieldRange, $"\"samples\" must be at least 1, got {c.Samples}", li, ci);
        if (c.MaxTokens < 1) error(ValidationRules.FieldRange, $"\"max_tokens\" must be at least 1, got {c.MaxTokens}", li, ci);
        if (c.Temperature is < 0 or > 2) error(ValidationRules.FieldRange, $"\"temperature\" must be between 0 and 2, got {c.Temperature}", li, ci);
        if (c.TopK is < 1) error(ValidationRules.FieldRange, $"\"top_k\" must be at least 1, got {c.TopK}", li, ci);
        if (c.FirstK is < 1) error(ValidationRules.FieldRange, $"\"first_k\" must be at least 1, got {c.FirstK}", li, ci);
        if (c.UnitTestCap is < 1) error(ValidationRules.FieldRange, $"\"unit_test_cap\" must be at least 1, got {c.UnitTestCap}", li, ci);

        if (registration?.Validate is { } rules && !BuiltInTypes.Contains(c.Type))
        {
            foreach (var message in rules(c))
            {
                error(ValidationRules.ComponentRule, $"{c.Type}: {message}", li, ci);
            }
        }
    }

    private static void CheckOrder(ComponentConfig c, int li, int ci, CandidateFlow flow, ComponentRegistry registry,
        Action<string, string, int, int?> error, Action<string, string, int, int?> warn)
    {
        if (c.Type == ComponentTypes.Generator && flow.HasCandidates)
        {
            if (flow.OnlyGenerated)
            {
                if (ci == 0)
                {
                    warn(ValidationRules.GeneratorsFirst, "a generator layer after a generator layer: it answers the conversation again and its candidates " +
                        "replace the earlier layer's (reference behaviour), so the earlier layer's calls do not reach the answer", li, ci);
                }
            }
            else
            {
                error(ValidationRules.GeneratorsFirst, "generators may only follow generator or unit-test generator layers; this layer comes after a " +
                    "component that works on candidates, whose work a generator would discard", li, ci);
            }
        }

        var needs = ComponentTypes.NeedCandidates.Contains(c.Type)
            || (registry.TryGetRegistration(c.Type, out var registration) && !BuiltInTypes.Contains(c.Type) && registration.NeedsCandidates);
        if (needs && !flow.HasCandidates)
        {
            error(ValidationRules.CandidatesRequired, $"a {c.Type} needs candidates from an earlier generator layer", li, ci);
        }

        if (c.Type == ComponentTypes.UnitTestEvaluator && !flow.HasUnitTests)
        {
            error(ValidationRules.UnitTestsBeforeEvaluator, "a unit_test_evaluator needs a unit_test_generator in an earlier layer", li, ci);
        }
    }
}
