using Archon.Core.Execution;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;

namespace Archon.Durable.Tests.Orchestrations;

public sealed class SharedMessagesTests
{
    private static readonly string System = "You are a careful judge of candidate answers; " + new string('s', 80);
    private static readonly string Query = "Explain why the sky is blue, and check it against these tests. " + new string('q', 200);

    private static ModelCallWork Call(int i, string user) => new("inst",
        new ModelCallRequest(
            $"L1.C0.unit_test_evaluator.s0.c{i}", "m", [new ChatTurn("system", System), new ChatTurn("user", Query), new ChatTurn("user", user)],
            0.7, 256, 0, "unit_test_evaluator", 1));

    [Fact]
    public void Share_MessagesSentByManyCalls_TravelOnceAndRestoreExactly()
    {
        var batch = new ModelCallBatchWork("inst", [.. Enumerable.Range(0, 30).Select(i => Call(i, $"Candidate {i}: " + new string('c', 100)))]);

        var shared = SharedMessages.Share(batch);
        var restored = SharedMessages.Restore(shared);

        Assert.Equal([System, Query], shared.Shared!);
        Assert.All(shared.Calls, c => Assert.True(c.Request.Messages[0].Content.Length < 30 && c.Request.Messages[1].Content.Length < 30));
        Assert.All(shared.Calls.Select((c, i) => (c, i)),
            p => Assert.StartsWith($"Candidate {p.i}:", p.c.Request.Messages[2].Content, StringComparison.Ordinal));
        Assert.Equal(batch.Calls.Select(c => c.Request.Messages), restored.Select(c => c.Request.Messages));
    }

    [Fact]
    public void Share_AMessageAlreadyStartsWithAMarker_LeavesTheBatchAlone()
    {
        var batch = new ModelCallBatchWork("inst", [Call(0, "\u27e6archon:shared:0\u27e7"), Call(1, "x")]);

        var shared = SharedMessages.Share(batch);

        Assert.Same(batch, shared);
        Assert.Same(batch.Calls, SharedMessages.Restore(shared));
    }

    [Fact]
    public void Share_NothingRepeated_LeavesTheBatchAlone()
    {
        var batch = new ModelCallBatchWork("inst", [Call(0, "only one")]);

        Assert.Same(batch, SharedMessages.Share(batch));
    }
}
