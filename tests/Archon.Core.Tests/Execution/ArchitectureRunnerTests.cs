using Archon.Core.Architecture;
using Archon.Core.Components;
using Archon.Core.Execution;

namespace Archon.Core.Tests.Execution;

public sealed class ArchitectureRunnerTests
{
    internal static ComponentConfig C(string type, string model = "m", int samples = 1, int? topK = null) =>
        new() { Type = type, Model = model, Samples = samples, TopK = topK };

    internal static ArchitectureConfig Arch(params ComponentConfig[][] layers) =>
        new() { Name = "t", Layers = layers.Select(l => new LayerConfig(l)).ToList() };

    internal static ArchitectureConfig EightGeneratorsCriticRankerFuser() => Arch(
        Enumerable.Range(0, 8).Select(i => C("generator", $"model-{i}")).ToArray(),
        [C("critic")],
        [C("ranker", topK: 3) with { UseCritiques = true }],
        [C("fuser")]);

    private static QueryState Query(string text = "What is 2+2?") => QueryState.Start([new ChatTurn("user", text)]);

    [Fact]
    public async Task RunAsync_GeneratorsCriticRankerFuser_ReturnsFusedAnswerAndFullTrace()
    {
        var invoker = new FakeModel();
        var result = await new ArchitectureRunner().RunAsync(EightGeneratorsCriticRankerFuser(), Query(), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.StartsWith("A combined answer", result.Answer);
        Assert.Equal(11, result.Trace.Count);
        Assert.Equal(11, result.Totals.Calls);
        Assert.Equal(110, result.Totals.InputTokens);
        Assert.Equal(0.011m, result.Totals.CostUsd);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"L0.C{i}.generator.s0"), result.Trace.Take(8).Select(e => e.Request.CallId));
        Assert.Equal(["L1.C0.critic.s0", "L2.C0.ranker.s0", "L3.C0.fuser.s0"], result.Trace.Skip(8).Select(e => e.Request.CallId));
        Assert.Empty(result.FinalState.Notes);
    }

    [Fact]
    public async Task RunAsync_EightGenerators_AllCallsOverlapInTime()
    {
        // Barrier, not a sleep: every call waits until eight are in flight at once, so a schedule that does not
        // overlap them never finishes (the timeout fails the test) instead of passing by luck of timing.
        var invoker = new FakeModel { HoldUntilInFlight = 8 };
        await new ArchitectureRunner().RunAsync(EightGeneratorsCriticRankerFuser(), Query(), new InProcessScheduler(invoker), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(8, invoker.PeakInFlight);
    }

    [Fact]
    public async Task RunAsync_MultiTurnConversation_KeepsEarlierTurnsAndDoesNotMutate()
    {
        ChatTurn[] turns = [new("user", "Name a prime."), new("assistant", "7"), new("user", "And the next one?")];
        var conversation = turns.ToList();
        var invoker = new FakeModel();
        var result = await new ArchitectureRunner().RunAsync(Arch([C("generator", samples: 2)], [C("fuser")]),
            QueryState.Start(conversation), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Equal(turns, conversation);
        Assert.Equal(turns, result.FinalState.Conversation);
        foreach (var call in invoker.Calls)
        {
            Assert.Contains(call.Messages, m => m is { Role: "assistant", Content: "7" });
            Assert.Contains(call.Messages, m => m is { Role: "user", Content: "Name a prime." });
        }
    }

    [Fact]
    public async Task RunAsync_FailedGeneratorCall_IsNotedNotSilentlyDropped()
    {
        var invoker = new FakeModel();
        invoker.FailingCallIds.Add("L0.C1.generator.s0");
        var arch = Arch([C("generator", "a"), C("generator", "b"), C("generator", "c")], [C("ranker", topK: 3)]);

        var result = await new ArchitectureRunner().RunAsync(arch, Query(), new InProcessScheduler(invoker), CancellationToken.None);

        var note = Assert.Single(result.FinalState.Notes);
        Assert.Equal(("call-failed", "L0.C1.generator.s0", 0, 1), (note.Kind, note.CallId, note.Layer, note.Component));
        Assert.Contains("HTTP 500", note.Message);
        Assert.Equal(2, result.FinalState.Candidates.Count);
        Assert.Equal(1, result.Totals.FailedCalls);
    }

    [Fact]
    public async Task RunAsync_CritiquesStayWithTheirCandidatesAfterRanking()
    {
        var invoker = new FakeModel(r => r.Role switch
        {
            "generator" => $"answer {r.ModelId}",
            "critic" => "[1]\nStrengths: about a\nWeaknesses: none\n\n[2]\nStrengths: about b\nWeaknesses: none\n\n[3]\nStrengths: about c\nWeaknesses: none",
            "ranker" => "[3] > [1] > [2]",
            _ => null,
        });
        var arch = Arch([C("generator", "a"), C("generator", "b"), C("generator", "c")], [C("critic")], [C("ranker", topK: 2)]);

        var result = await new ArchitectureRunner().RunAsync(arch, Query(), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Equal(["answer c", "answer a"], result.FinalState.Candidates.Select(c => c.Text));
        Assert.Equal(["Strengths: about c\nWeaknesses: none", "Strengths: about a\nWeaknesses: none"], result.FinalState.Candidates.Select(c => c.Critique));
        Assert.Equal("answer c", result.Answer);
    }

    [Fact]
    public async Task RunAsync_UnreadableRanking_RetriesThenNotesAndKeepsOrder()
    {
        var invoker = new FakeModel(r => r.Role == "ranker" ? "They are all fine." : r.Role == "generator" ? $"answer {r.ModelId}" : null);
        var arch = Arch([C("generator", "a"), C("generator", "b")], [C("ranker", topK: 1)]);

        var result = await new ArchitectureRunner().RunAsync(arch, Query(), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Equal(["L1.C0.ranker.s0", "L1.C0.ranker.s0.r1", "L1.C0.ranker.s0.r2"], result.Trace.Skip(2).Select(e => e.Request.CallId));
        Assert.Equal(["parse-retried", "parse-retried", "parse-failed", "fallback"], result.FinalState.Notes.Select(n => n.Kind));
        Assert.Equal("answer a", result.Answer);
    }

    [Fact]
    public async Task RunAsync_RankingReadableOnRetry_UsesIt()
    {
        var invoker = new FakeModel(r => r.Role switch
        {
            "generator" => $"answer {r.ModelId}",
            "ranker" => r.CallId.EndsWith(".r1", StringComparison.Ordinal) ? "2, 1" : "hmm",
            _ => null,
        });
        var arch = Arch([C("generator", "a"), C("generator", "b")], [C("ranker", topK: 1)]);

        var result = await new ArchitectureRunner().RunAsync(arch, Query(), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Equal("answer b", result.Answer);
        Assert.Contains("could not be read", invoker.Calls.Single(c => c.CallId.EndsWith(".r1", StringComparison.Ordinal)).Messages[^1].Content);
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ArchitectureRunner().RunAsync(EightGeneratorsCriticRankerFuser(), Query(), new InProcessScheduler(new FakeModel()), cts.Token));
    }

    [Fact]
    public async Task RunAsync_InvalidArchitecture_ThrowsWithRuleMessage()
    {
        var ex = await Assert.ThrowsAsync<ArchitectureException>(() =>
            new ArchitectureRunner().RunAsync(Arch([C("fuser")]), Query(), new InProcessScheduler(new FakeModel()), CancellationToken.None));

        Assert.Contains("candidates-required", ex.Message);
    }

    [Fact]
    public async Task RunAsync_CustomComponent_RegisteredFromCode_Runs()
    {
        var registry = ComponentRegistry.CreateDefault().Register("shortest", new ShortestComponent());
        var invoker = new FakeModel(r => r.ModelId == "a" ? "a long answer here" : "short");
        var arch = Arch([C("generator", "a"), C("generator", "b")], [C("shortest")]);

        var result = await new ArchitectureRunner(registry).RunAsync(arch, Query(), new InProcessScheduler(invoker), CancellationToken.None);

        Assert.Equal("short", result.Answer);
    }

    [Fact]
    public async Task RunLayerAsync_LayerByLayer_MatchesRunAsync()
    {
        var arch = EightGeneratorsCriticRankerFuser();
        var runner = new ArchitectureRunner();
        var scheduler = new InProcessScheduler(new FakeModel(r => r.Role == "generator" ? $"answer {r.ModelId}" : null));

        var state = Query();
        for (var layer = 0; layer < arch.Layers.Count; layer++)
        {
            state = await runner.RunLayerAsync(arch, layer, state, scheduler, CancellationToken.None);
        }

        var whole = await runner.RunAsync(arch, Query(), scheduler, CancellationToken.None);
        Assert.Equal(whole.Answer, ArchitectureRunner.FinalAnswer(state));
        Assert.Equal(whole.FinalState.Candidates, state.Candidates);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileCallsInFlight_StopsPromptly()
    {
        using var cts = new CancellationTokenSource();
        var invoker = new FakeModel { HoldUntil = new TaskCompletionSource().Task }; // calls never answer on their own
        var run = new ArchitectureRunner().RunAsync(EightGeneratorsCriticRankerFuser(), Query(), new InProcessScheduler(invoker), cts.Token);

        await invoker.WhenCalls(8).WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(8, invoker.Calls.Count);
    }

    [Fact]
    public void FinalAnswer_NoCandidates_IsNull()
    {
        Assert.Null(ArchitectureRunner.FinalAnswer(Query()));
    }

    private sealed class ShortestComponent : IArchitectureComponent
    {
        public Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken) =>
            Task.FromResult(new ComponentOutput([context.Input.Candidates.MinBy(c => c.Text.Length)!], []));
    }
}
