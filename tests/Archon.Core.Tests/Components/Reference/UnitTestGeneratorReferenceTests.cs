using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Prompts;
using static Archon.Core.Tests.Components.Reference.RefHarness;

namespace Archon.Core.Tests.Components.Reference;

/// <summary>Reference rules of the unit-test generator (docs/architecture-format.md, "Unit-test generator").</summary>
public sealed class UnitTestGeneratorReferenceTests
{
    [Fact]
    public async Task UnitTestGenerator_Cap_AsksForExactlyNTests()
    {
        var (result, invoker) = await RunAsync(Arch([C("unit_test_generator") with { UnitTestCap = 3 }], [C("generator")]),
            r => r.Role == ComponentTypes.UnitTestGenerator ? "['a', 'b', 'c']" : "2");

        var user = Pack.Render(PromptStages.UnitTestGeneratorUser, ("query", "Name a prime."), ("count", 3));
        Assert.Equal([new ChatTurn("system", Pack.Text(PromptStages.UnitTestGeneratorSystem)), new("user", user)],
            Call(invoker, "L0.C0.unit_test_generator.s0").Messages);
        Assert.Equal(["a", "b", "c"], result.FinalState.UnitTests);
    }

    [Fact]
    public async Task UnitTestGenerator_ReplyWithAnotherCount_IsReAsked()
    {
        var (result, invoker) = await RunAsync(Arch([C("unit_test_generator") with { UnitTestCap = 2 }], [C("generator")]),
            r => r.Role != ComponentTypes.UnitTestGenerator ? "2" : r.CallId.EndsWith(".r1", StringComparison.Ordinal) ? "['x', 'y']" : "['x', 'y', 'z']");

        Assert.Contains(invoker.Calls, c => c.CallId == "L0.C0.unit_test_generator.s0.r1");
        Assert.Contains(result.FinalState.Notes, n => n.Kind == "parse-retried" && n.Message.Contains("exactly 2", StringComparison.Ordinal));
        Assert.Equal(["x", "y"], result.FinalState.UnitTests);
    }

    [Fact]
    public async Task UnitTestGenerator_NoCap_UncappedPrompt_KeepsEveryTest()
    {
        var (result, invoker) = await RunAsync(Arch([C("unit_test_generator")], [C("generator")]),
            r => r.Role == ComponentTypes.UnitTestGenerator ? "[\"it's prime\", 'it is a number', 'it is short', 'it is positive', 'no prose', 'one word']" : "2");

        Assert.Equal(Pack.Render(PromptStages.UnitTestGeneratorUserUncapped, ("query", "Name a prime.")), Call(invoker, "L0.C0.unit_test_generator.s0").Messages[^1].Content);
        Assert.Equal(6, result.FinalState.UnitTests.Count);
        Assert.Equal("it's prime", result.FinalState.UnitTests[0]);
    }

    [Fact]
    public async Task UnitTestGenerator_TestsAppendedToTheRequestOfLaterFusers()
    {
        var arch = Arch([C("unit_test_generator") with { UnitTestCap = 1 }], [C("generator")], [C("fuser")]);

        var (_, invoker) = await RunAsync(arch, r => r.Role == ComponentTypes.UnitTestGenerator ? "['mentions 2']" : "2");

        var query = "Name a prime." + Pack.Render(PromptStages.UnitTestsQuerySuffix, ("unit_tests", "- mentions 2"));
        var user = Pack.Render(PromptStages.FuserUser, ("query", query), ("count", 1), ("length_rule", ""), ("candidates", List(PromptStages.FuserCandidate, "2")));
        Assert.Equal(user, Call(invoker, "L2.C0.fuser.s0").Messages[^1].Content);
    }
}
