namespace Archon.Core.Architecture;

/// <summary>The built-in component type names, spelled as in the reference JSON format.</summary>
public static class ComponentTypes
{
    public const string Generator = "generator";
    public const string Fuser = "fuser";
    public const string Ranker = "ranker";
    public const string Critic = "critic";
    public const string Verifier = "verifier";
    public const string UnitTestGenerator = "unit_test_generator";
    public const string UnitTestEvaluator = "unit_test_evaluator";

    public static IReadOnlyList<string> BuiltIn { get; } =
        [Generator, Fuser, Ranker, Critic, Verifier, UnitTestGenerator, UnitTestEvaluator];

    /// <summary>Types that must be the only component of their layer (they act on the whole candidate list).</summary>
    public static IReadOnlySet<string> Solitary { get; } =
        new HashSet<string> { Ranker, Critic, Verifier, UnitTestGenerator, UnitTestEvaluator };

    /// <summary>Types that read candidates produced by an earlier layer.</summary>
    public static IReadOnlySet<string> NeedCandidates { get; } =
        new HashSet<string> { Fuser, Ranker, Critic, Verifier, UnitTestEvaluator };
}
