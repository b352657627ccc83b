using Archon.Core.Execution;
using Archon.Core.Tests.Execution;
using static Archon.Core.Tests.Execution.ArchitectureRunnerTests;

namespace Archon.Core.Tests.Components;

public sealed class VerifierAndUnitTestComponentTests
{
    private static QueryState Query() => QueryState.Start([new ChatTurn("user", "Write a haiku.")]);

    [Fact]
    public async Task Verifier_KeepsVerifiedThenUndetermined_DropsRejected_WithNotes()
    {
        var invoker = new FakeModel(r => r.CallId switch
        {
            _ when r.Role == "generator" => $"answer {r.ModelId}",
            _ when r.CallId.EndsWith(".reason", StringComparison.Ordinal) => "some reasoning",
            _ when r.CallId.Contains(".c0.") => "Verdict: incorrect",
            _ when r.CallId.Contains(".c1.") => "I think it is unclear.",
            _ => "[[Correct]]",
        });
        var arch = Arch([C("generator", "a"), C("generator", "b"), C("generator", "c")], [C("verifier")]);

        var result = await new Core.Execution.ArchitectureRunner().RunAsync(arch, Query(), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Equal(["answer c", "answer b"], result.FinalState.Candidates.Select(c => c.Text));
        Assert.Contains(result.FinalState.Notes, n => n.Kind == "verification-failed" && n.Message.Contains("L0.C1.s0"));
        Assert.Contains(result.Trace, e => e.Request.CallId == "L1.C0.verifier.s0.c2.verdict");
        Assert.Equal(3 + 3 + 3 + 2, result.Trace.Count);
    }

    [Fact]
    public async Task UnitTestEvaluator_FirstPass_PicksFirstCandidatePassingAll()
    {
        var invoker = new FakeModel(r => r.Role switch
        {
            "unit_test_generator" => "Here are tests:\n1. mentions spring\n2. has three lines\n3. uses 5-7-5",
            "generator" => $"haiku {r.SampleIndex}",
            "unit_test_evaluator" when r.CallId.Contains(".c0") => "1: PASS\n2: FAIL\n3: PASS",
            "unit_test_evaluator" => "1: PASS\n2: PASS\n3: PASS",
            _ => null,
        });
        var arch = Arch([C("unit_test_generator") with { UnitTestCap = 2 }], [C("generator", samples: 3)],
            [C("unit_test_evaluator") with { FirstPass = true, RemoveUnitTestsFromPrompt = true }]);

        var result = await new Core.Execution.ArchitectureRunner().RunAsync(arch, Query(), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Equal("haiku 1", result.Answer);
        Assert.Equal([true, true], result.FinalState.Candidates[0].UnitTestVerdicts);
        Assert.Empty(result.FinalState.UnitTests);
        Assert.All(invoker.Calls.Where(c => c.Role == "generator"), c => Assert.Contains("mentions spring", c.Messages[^1].Content));
    }

    [Fact]
    public async Task UnitTestEvaluator_TopK_OrdersByTestsPassed()
    {
        var invoker = new FakeModel(r => r.Role switch
        {
            "unit_test_generator" => "- a\n- b",
            "generator" => $"answer {r.ModelId}",
            "unit_test_evaluator" when r.CallId.Contains(".c0") => "1: FAIL\n2: FAIL",
            "unit_test_evaluator" when r.CallId.Contains(".c1") => "1: PASS\n2: FAIL",
            "unit_test_evaluator" => "garbage",
            _ => null,
        });
        var arch = Arch([C("unit_test_generator")], [C("generator", "x"), C("generator", "y"), C("generator", "z")], [C("unit_test_evaluator", topK: 3)]);

        var result = await new Core.Execution.ArchitectureRunner().RunAsync(arch, Query(), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Equal(["answer y", "answer x", "answer z"], result.FinalState.Candidates.Select(c => c.Text));
        Assert.Contains(result.FinalState.Notes, n => n.Kind == "evaluation-failed");
        Assert.Contains(result.FinalState.Notes, n => n.Kind == "parse-failed" && n.CallId == "L2.C0.unit_test_evaluator.s0.c2.r2");
    }

    [Fact]
    public async Task Fuser_LengthControl_AsksForMedianWordCount()
    {
        var invoker = new FakeModel(r => r.Role == "generator" ? string.Join(' ', Enumerable.Repeat("w", (r.SampleIndex + 1) * 10)) : null);
        var arch = Arch([C("generator", samples: 3)], [C("fuser") with { LengthControl = true }]);

        await new Core.Execution.ArchitectureRunner().RunAsync(arch, Query(), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Contains("no more than 20 words", invoker.Calls.Single(c => c.Role == "fuser").Messages[^1].Content);
    }

    [Fact]
    public async Task NoSystem_FoldsInstructionsIntoUserTurn()
    {
        var invoker = new FakeModel();
        var arch = Arch([C("generator") with { NoSystem = true }]);

        await new Core.Execution.ArchitectureRunner().RunAsync(arch, Query(), new InProcessScheduler(invoker), CancellationToken.None);

        var messages = Assert.Single(invoker.Calls).Messages;
        Assert.DoesNotContain(messages, m => m.Role == "system");
        Assert.EndsWith("Write a haiku.", messages[^1].Content);
    }
}
