namespace Archon.Core.Prompts;

/// <summary>
/// Every stage a prompt pack must define, with the placeholders each needs. The component that renders a stage is
/// named in its purpose; docs/architecture-format.md lists which reference prompt each stage corresponds to.
/// </summary>
public static class PromptStages
{
    public const string UnitTestsQuerySuffix = "unit_tests.query_suffix";
    public const string UnitTestsItem = "unit_tests.item";
    public const string FuserSystem = "fuser.system";
    public const string FuserUser = "fuser.user";
    public const string FuserUserWithCritiques = "fuser.user_with_critiques";
    public const string FuserCandidate = "fuser.candidate";
    public const string FuserCandidateWithCritique = "fuser.candidate_with_critique";
    public const string FuserLengthControl = "fuser.length_control";
    public const string RankerSystem = "ranker.system";
    public const string RankerUser = "ranker.user";
    public const string RankerUserWithCritiques = "ranker.user_with_critiques";
    public const string RankerCandidate = "ranker.candidate";
    public const string RankerCandidateWithCritique = "ranker.candidate_with_critique";
    public const string CriticSystem = "critic.system";
    public const string CriticUser = "critic.user";
    public const string CriticCandidate = "critic.candidate";
    public const string VerifierReasoningSystem = "verifier.reasoning_system";
    public const string VerifierReasoningUser = "verifier.reasoning_user";
    public const string VerifierVerdictSystem = "verifier.verdict_system";
    public const string VerifierVerdictUser = "verifier.verdict_user";
    public const string UnitTestGeneratorSystem = "unit_test_generator.system";
    public const string UnitTestGeneratorUser = "unit_test_generator.user";
    public const string UnitTestGeneratorUserUncapped = "unit_test_generator.user_uncapped";
    public const string UnitTestEvaluatorSystem = "unit_test_evaluator.system";
    public const string UnitTestEvaluatorUser = "unit_test_evaluator.user";
    public const string UnitTestEvaluatorUnitTest = "unit_test_evaluator.unit_test";
    public const string RetryUser = "retry.user";

    public static IReadOnlyList<PromptStage> All { get; } =
    [
        S(UnitTestsQuerySuffix, ["unit_tests"], [], "appended to the request once unit tests exist; every later component sees it"),
        S(UnitTestsItem, ["test"], ["index"], "one unit test inside unit_tests.query_suffix"),
        S(FuserSystem, [], [], "fuser system message"),
        S(FuserUser, ["query", "candidates"], ["count", "length_rule"], "fuser instruction when no candidate has a critique"),
        S(FuserUserWithCritiques, ["query", "candidates"], ["count", "length_rule"], "fuser instruction when a critic left critiques"),
        S(FuserCandidate, ["text"], ["index"], "one candidate in the fuser's list"),
        S(FuserCandidateWithCritique, ["text", "critique"], ["index"], "one candidate and its critique in the fuser's list"),
        S(FuserLengthControl, [], ["max_words"], "the length_rule text when length_control is on"),
        S(RankerSystem, [], [], "ranker system message"),
        S(RankerUser, ["query", "candidates"], ["count"], "ranker instruction without critiques"),
        S(RankerUserWithCritiques, ["query", "candidates"], ["count"], "ranker instruction when a critic left critiques"),
        S(RankerCandidate, ["index", "text"], [], "one numbered candidate in the ranker's list"),
        S(RankerCandidateWithCritique, ["index", "text", "critique"], [], "one numbered candidate and its critique"),
        S(CriticSystem, [], [], "critic system message"),
        S(CriticUser, ["query", "candidates"], ["count"], "critic instruction"),
        S(CriticCandidate, ["index", "text"], [], "one numbered candidate in the critic's list"),
        S(VerifierReasoningSystem, [], [], "verifier stage 1 system message"),
        S(VerifierReasoningUser, ["query", "candidate"], [], "verifier stage 1: argue why the candidate is right"),
        S(VerifierVerdictSystem, [], [], "verifier stage 2 system message"),
        S(VerifierVerdictUser, ["query", "candidate", "reasoning"], [], "verifier stage 2 (a fresh call): explanation then [Correct]/[Incorrect]"),
        S(UnitTestGeneratorSystem, [], [], "unit-test generator system message"),
        S(UnitTestGeneratorUser, ["query", "count"], [], "unit-test generator instruction when unit_test_cap is set (exactly count tests)"),
        S(UnitTestGeneratorUserUncapped, ["query"], [], "unit-test generator instruction without unit_test_cap"),
        S(UnitTestEvaluatorSystem, [], [], "unit-test evaluator system message"),
        S(UnitTestEvaluatorUser, ["query", "candidate", "unit_tests"], [], "unit-test evaluator instruction: reasoning, then one verdict per test"),
        S(UnitTestEvaluatorUnitTest, ["index", "test"], [], "one numbered unit test in the evaluator's list"),
        S(RetryUser, ["problem"], [], "sent after an unreadable reply, before a bounded retry"),
    ];

    private static readonly Dictionary<string, PromptStage> ByName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out PromptStage stage) => ByName.TryGetValue(name, out stage!);

    private static PromptStage S(string name, string[] required, string[] optional, string purpose) => new(name, required, optional, purpose);
}
