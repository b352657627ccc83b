namespace Archon.Core.Architecture;

/// <summary>
/// The construction rules of the Archon paper, as checks that name layer, component index and rule
/// (rule texts: docs/architecture-format.md). Two rules are warnings because the reference corpus legitimately breaks
/// them and the run is still well defined: a ranker/fuser asking for critiques with no critic anywhere before it
/// (it runs without critiques), and a last layer that can leave several candidates (the first one is the answer).
/// </summary>
public static class ArchitectureValidator
{
    public static IReadOnlySet<string> BuiltInTypes { get; } = new HashSet<string>(ComponentTypes.BuiltIn);

    /// <summary>The errors that make the architecture unusable (empty when it is valid).</summary>
    public static IReadOnlyList<ArchitectureDiagnostic> Validate(ArchitectureConfig architecture) =>
        Validate(architecture, BuiltInTypes);

    /// <summary>The errors, accepting the given component types (built-in plus registered custom ones).</summary>
    public static IReadOnlyList<ArchitectureDiagnostic> Validate(ArchitectureConfig architecture, IReadOnlySet<string> knownTypes) =>
        Check(architecture, knownTypes).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Errors and warnings.</summary>
    public static IReadOnlyList<ArchitectureDiagnostic> Check(ArchitectureConfig architecture, IReadOnlySet<string> knownTypes)
    {
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

        var flow = new CandidateFlow();
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
                    Error(ValidationRules.UnknownType, $"unknown component type \"{c.Type}\" (known: {string.Join(", ", knownTypes.Order())})", li, ci);
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

                CheckFields(c, li, ci, Error);
                CheckOrder(c, li, ci, flow, architecture, Error, Warn);
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

    private static void CheckFields(ComponentConfig c, int li, int ci, Action<string, string, int, int?> error)
    {
        if (BuiltInTypes.Contains(c.Type) && string.IsNullOrWhiteSpace(c.Model))
        {
            error(ValidationRules.MissingModel, $"a {c.Type} needs a \"model\"", li, ci);
        }

        if (c.Samples < 1) error(ValidationRules.FieldRange, $"\"samples\" must be at least 1, got {c.Samples}", li, ci);
        if (c.MaxTokens < 1) error(ValidationRules.FieldRange, $"\"max_tokens\" must be at least 1, got {c.MaxTokens}", li, ci);
        if (c.Temperature is < 0 or > 2) error(ValidationRules.FieldRange, $"\"temperature\" must be between 0 and 2, got {c.Temperature}", li, ci);
        if (c.TopK is < 1) error(ValidationRules.FieldRange, $"\"top_k\" must be at least 1, got {c.TopK}", li, ci);
        if (c.FirstK is < 1) error(ValidationRules.FieldRange, $"\"first_k\" must be at least 1, got {c.FirstK}", li, ci);
        if (c.UnitTestCap is < 1) error(ValidationRules.FieldRange, $"\"unit_test_cap\" must be at least 1, got {c.UnitTestCap}", li, ci);
    }

    private static void CheckOrder(ComponentConfig c, int li, int ci, CandidateFlow flow, ArchitectureConfig architecture,
        Action<string, string, int, int?> error, Action<string, string, int, int?> warn)
    {
        if (c.Type == ComponentTypes.Generator && flow.HasCandidates)
        {
            error(ValidationRules.GeneratorsFirst, "generators belong to the first layer (only unit-test generators may precede them); this layer comes after candidates exist", li, ci);
        }

        if (ComponentTypes.NeedCandidates.Contains(c.Type) && !flow.HasCandidates)
        {
            error(ValidationRules.CandidatesRequired, $"a {c.Type} needs candidates from an earlier generator layer", li, ci);
        }

        if (c.Type == ComponentTypes.UnitTestEvaluator && !flow.HasUnitTests)
        {
            error(ValidationRules.UnitTestsBeforeEvaluator, "a unit_test_evaluator needs a unit_test_generator in an earlier layer", li, ci);
        }

        if (c.UseCritiques && c.Type is ComponentTypes.Ranker or ComponentTypes.Fuser && !flow.HasCritiques)
        {
            var criticLater = architecture.Layers.Skip(li + 1).Any(l => l.Components.Any(x => x.Type == ComponentTypes.Critic));
            if (criticLater)
            {
                error(ValidationRules.CriticBeforeConsumer, $"this {c.Type} uses critiques, so a critic must come before it (a critic only appears later)", li, ci);
            }
            else
            {
                warn(ValidationRules.CriticBeforeConsumer, $"this {c.Type} asks for critiques but no critic precedes it; it runs without critiques", li, ci);
            }
        }
    }
}
