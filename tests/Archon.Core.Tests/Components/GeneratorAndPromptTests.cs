using Archon.Core.Components;
using Archon.Core.Execution;
using Archon.Core.Prompts;
using Archon.Core.Tests.Execution;
using static Archon.Core.Tests.Execution.ArchitectureRunnerTests;

namespace Archon.Core.Tests.Components;

public sealed class GeneratorAndPromptTests
{
    [Fact]
    public async Task Generator_EmptyReply_RetriedThenNotedAndDropped()
    {
        var invoker = new FakeModel(r => r.ModelId == "quiet" ? "   " : "an answer");
        var arch = Arch([C("generator", "quiet"), C("generator", "talkative")]);

        var result = await new ArchitectureRunner().RunAsync(arch, QueryState.Start([new ChatTurn("user", "hi")]), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Equal("an answer", result.Answer);
        Assert.Equal(["L0.C0.generator.s0", "L0.C0.generator.s0.r1", "L0.C0.generator.s0.r2", "L0.C1.generator.s0"], result.Trace.Select(e => e.Request.CallId));
        Assert.Contains(result.FinalState.Notes, n => n.Kind == "parse-failed" && n.Message.Contains("empty") && n.Component == 0);
    }

    [Fact]
    public async Task Generator_SamplesGetDistinctSampleIndexesAndIds()
    {
        var invoker = new FakeModel(r => $"answer {r.SampleIndex}");

        var result = await new ArchitectureRunner().RunAsync(Arch([C("generator", samples: 3)]), QueryState.Start([new ChatTurn("user", "hi")], "item-7"), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Equal([0, 1, 2], invoker.Calls.Select(c => c.SampleIndex).Order());
        Assert.All(invoker.Calls, c => Assert.Equal("item-7", c.ItemId));
        Assert.Equal(["L0.C0.s0", "L0.C0.s1", "L0.C0.s2"], result.FinalState.Candidates.Select(c => c.Id));
        Assert.Equal("answer 0", result.Answer);
    }

    [Fact]
    public void Compose_NonGeneratorComponent_OwnSystemThenEarlierNonSystemTurns_AsTheReference()
    {
        ChatTurn[] conversation = [new("system", "Answer in French."), new("user", "Hi"), new("assistant", "Salut"), new("user", "Count to 3")];

        var messages = PromptBuilder.Compose("critic system", conversation, "critique this", noSystem: false);

        Assert.Equal([new ChatTurn("system", "critic system"), new("user", "Hi"), new("assistant", "Salut"), new("user", "critique this")], messages);
        Assert.Equal("Count to 3", PromptBuilder.Query(conversation));
        Assert.Equal(["user", "assistant", "user"], PromptBuilder.Compose("x", conversation, "y", noSystem: true).Select(m => m.Role));
    }

    [Fact]
    public void Registry_UnknownType_MessageListsKnownTypes()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => ComponentRegistry.CreateDefault().Get("summarizer"));

        Assert.Contains("\"summarizer\" is not registered", ex.Message);
        Assert.Contains("unit_test_evaluator", ex.Message);
    }
}
