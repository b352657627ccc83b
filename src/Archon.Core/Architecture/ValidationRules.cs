namespace Archon.Core.Architecture;

/// <summary>Names of the rules diagnostics refer to; docs/architecture-format.md explains each.</summary>
public static class ValidationRules
{
    public const string JsonSyntax = "json-syntax";
    public const string FileNotFound = "file-not-found";
    public const string Shape = "shape";
    public const string FieldType = "field-type";
    public const string UnknownKey = "unknown-key";
    public const string UnusedKey = "unused-key";
    public const string DeprecatedForm = "deprecated-form";
    public const string EmptyModelType = "empty-model-type";
    public const string NoLayers = "no-layers";
    public const string EmptyLayer = "empty-layer";
    public const string UnknownType = "unknown-type";
    public const string FieldRange = "field-range";
    public const string MissingModel = "missing-model";
    public const string GeneratorsFirst = "generators-first";
    public const string OneTypePerLayer = "one-type-per-layer";
    public const string AloneInLayer = "alone-in-layer";
    public const string CandidatesRequired = "candidates-required";
    public const string CriticBeforeConsumer = "critic-before-consumer";
    public const string ComponentRule = "component-rule";
    public const string ModelUnresolved = "model-unresolved";
    public const string RewardModelMissing = "reward-model-missing";
    public const string UnitTestsBeforeEvaluator = "unit-tests-before-evaluator";
    public const string SingleFinalAnswer = "single-final-answer";
}
