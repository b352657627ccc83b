using Archon.Core.Architecture;
using Archon.Core.Components;
using Archon.Core.Execution;
using Archon.Core.Prompts;
using static Archon.Core.Tests.Components.Reference.RefHarness;

namespace Archon.Core.Tests.Components.Reference;

/// <summary>Reference rules of the unit-test evaluator (docs/architecture-format.md, "Unit-test evaluator").</summary>
public sealed class UnitTestEvaluatorReferenceTests
{
    private static readonly ComponentConfig[] Tests = [C("unit_test_generator") with { UnitTestCap = 2 }];
    private static readonly ComponentConfig[] ThreeGenerators = [C("generator", "a"), C("generator", "b"), C("generator", "c")];

    /// <summary>Unit tests t1, t2; candidate a passes one, b passes both, c passes none (verdicts after reasoning).</summary>
    private static string? Script(ModelCallRequest r) => r.Role switch
    {
        ComponentTypes.UnitTestGenerator => "['t1', 't2']",
        ComponentTypes.Generator => $"answer {r.ModelId}",
        ComponentTypes.UnitTestEvaluator when r.CallId.Contains(".c0", StringComparison.Ordinal) =>
            "Unit Test #1: the response does mention it.\nUnit Test #2 is not met.\nUnit Test #1: [Passed]\nUnit Test #2: [Failed]",
        ComponentTypes.UnitTestEvaluator when r.CallId.Contains(".c1", StringComparison.Ordinal) => "Both hold.\nUnit Test #1: [Passed]\nUnit Test #2: [Passed]",
        ComponentTypes.UnitTestEvaluator => "Neither holds.\nUnit Test #1: [Failed]\nUnit Test #2: [Failed]",
        _ => null,
    };

    [Fact]
    public async Task UnitTestEvaluator_Prompt_AsksForReasoningThenNumberedVerdicts()
    {
        var (_, invoker) = await RunAsync(Arch(Tests, ThreeGenerators, [C("unit_test_evaluator")]), Script);

        var query = "Name a prime." + Pack.Render(PromptStages.UnitTestsQuerySuffix, ("unit_tests", "- t1\n- t2"));
        var tests = Pack.Render(PromptStages.UnitTestEvaluatorUnitTest, ("index", 1), ("test", "t1")) + "\n"
            + Pack.Render(PromptStages.UnitTestEvaluatorUnitTest, ("index", 2), ("test", "t2"));
        var user = Pack.Render(PromptStages.UnitTestEvaluatorUser, ("query", query), ("candidate", "answer a"), ("unit_tests", tests));
        Assert.Equal([new ChatTurn("system", Pack.Text(PromptStages.UnitTestEvaluatorSystem)), new("user", user)],
            Call(invoker, "L2.C0.unit_test_evaluator.s0.c0").Messages);
        Assert.Contains("reason about the tests first", Pack.Templates[PromptStages.UnitTestEvaluatorUser].Text.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitTestEvaluator_ScoresByTestsPassed_LastVerdictPerTestWins_CutToTopK()
    {
        var (result, _) = await RunAsync(Arch(Tests, ThreeGenerators, [C("unit_test_evaluator") with { TopK = 2 }]), Script);

        Assert.Equal(["answer b", "answer a"], result.FinalState.Candidates.Select(c => c.Text));
        Assert.Equal([true, false], result.FinalState.Candidates[1].UnitTestVerdicts);
    }

    [Fact]
    public async Task UnitTestEvaluator_FirstK_FirstCandidatesPassingAll()
    {
        var (result, _) = await RunAsync(Arch(Tests, ThreeGenerators, [C("unit_test_evaluator") with { FirstK = 1 }]), Script);

        Assert.Equal(["answer b"], result.FinalState.Candidates.Select(c => c.Text));
    }

    [Fact]
    public async Task UnitTestEvaluator_FirstKNotReached_FallsBackToScoreOrderCutToTopK()
    {
        var (result, _) = await RunAsync(Arch(Tests, ThreeGenerators, [C("unit_test_evaluator") with { FirstK = 2 }]), Script);

        Assert.Equal(["answer b", "answer a", "answer c"], result.FinalState.Candidates.Select(c => c.Text));
    }

    [Fact]
    public async Task UnitTestEvaluator_FirstPass_MeansFirstKOfOne()
    {
        var (result, _) = await RunAsync(Arch(Tests, ThreeGenerators, [C("unit_test_evaluator") with { FirstPass = true }]), Script);

        Assert.Equal(["answer b"], result.FinalState.Candidates.Select(c => c.Text));
    }

    [Fact]
    public async Task UnitTestEvaluator_RemoveUnitTestsFromPrompt_HidesThemFromItsQueryOnly()
    {
        var arch = Arch(Tests, ThreeGenerators, [C("unit_test_evaluator") with { RemoveUnitTestsFromPrompt = true }], [C("fuser")]);

        var (_, invoker) = await RunAsync(arch, r => Script(r) ?? "fused");

        var evaluator = Call(invoker, "L2.C0.unit_test_evaluator.s0.c0").Messages[^1].Content;
        Assert.Contains("Query: Name a prime.\n\n", evaluator, StringComparison.Ordinal);
        Assert.DoesNotContain(Pack.Render(PromptStages.UnitTestsQuerySuffix, ("unit_tests", "- t1\n- t2")), evaluator, StringComparison.Ordinal);
        Assert.Contains(Pack.Render(PromptStages.UnitTestsQuerySuffix, ("unit_tests", "- t1\n- t2")), Call(invoker, "L3.C0.fuser.s0").Messages[^1].Content, StringComparison.Ordinal);
    }
}
