using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Prompts;
using static Archon.Core.Tests.Components.Reference.RefHarness;

namespace Archon.Core.Tests.Components.Reference;

/// <summary>Reference rules of the generator (docs/architecture-format.md, "Generator").</summary>
public sealed class GeneratorReferenceTests
{
    [Fact]
    public async Task Generator_Conversation_SentUnchangedWithoutAnySystemMessageOfOurs()
    {
        ChatTurn[] conversation = [new("user", "Hi"), new("assistant", "Hello"), new("user", "Name a prime.")];

        var (_, invoker) = await RunAsync(Arch([C("generator")]), Generators, conversation);

        Assert.Equal(conversation, Call(invoker, "L0.C0.generator.s0").Messages);
    }

    [Fact]
    public async Task Generator_UserSystemMessage_ForwardedAsIs_AndNoSystemDropsIt()
    {
        ChatTurn[] conversation = [new("system", "Answer in French."), new("user", "Name a prime.")];

        var (_, invoker) = await RunAsync(Arch([C("generator", "a"), C("generator", "b") with { NoSystem = true }]), Generators, conversation);

        Assert.Equal(conversation, Call(invoker, "L0.C0.generator.s0").Messages);
        Assert.Equal([new ChatTurn("user", "Name a prime.")], Call(invoker, "L0.C1.generator.s0").Messages);
    }

    [Fact]
    public async Task Generator_Samples_OneCallEach_CandidatesInComponentThenSampleOrder()
    {
        var (result, _) = await RunAsync(Arch([C("generator", "a", samples: 2), C("generator", "b")]), Generators);

        Assert.Equal(["answer a.0", "answer a.1", "answer b.0"], result.FinalState.Candidates.Select(c => c.Text));
    }

    [Fact]
    public async Task Generator_AfterUnitTestGenerator_RequestCarriesTheUnitTests()
    {
        var arch = Arch([C("unit_test_generator") with { UnitTestCap = 2 }], [C("generator")]);

        var (_, invoker) = await RunAsync(arch, r => r.Role == ComponentTypes.UnitTestGenerator ? "['mentions 2', 'is short']" : "2");

        var expected = "Name a prime." + Pack.Render(PromptStages.UnitTestsQuerySuffix, ("unit_tests", "- mentions 2\n- is short"));
        Assert.Equal([new ChatTurn("user", expected)], Call(invoker, "L1.C0.generator.s0").Messages);
    }

    [Fact]
    public async Task Generator_SecondGeneratorLayer_ReplacesTheFirstLayersCandidates()
    {
        var arch = Arch([C("generator", "a"), C("generator", "b")], [C("generator", "c")]);

        var (result, invoker) = await RunAsync(arch, Generators);

        Assert.Equal(3, invoker.Calls.Count);
        Assert.Equal(["answer c.0"], result.FinalState.Candidates.Select(c => c.Text));
    }
}
