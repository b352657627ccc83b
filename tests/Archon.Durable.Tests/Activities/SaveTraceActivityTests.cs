using System.Text.Json;
using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable.Activities;
using Archon.Durable.Contracts;

namespace Archon.Durable.Tests.Activities;

public sealed class SaveTraceActivityTests : IDisposable
{
    private const string Instance = "trace-splice";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"archon-savetrace-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static TraceEntry Entry(string callId, string? text, string? error = null) => new(
        new ModelCallRequest(callId, "m", [new ChatTurn("user", "say \"hi\" \u00e9\u4e2d <b>")], 0.7, 64, 0, "generator", 0) { PromptPack = "default@1" },
        new ModelCallResult(callId, text, 3, 5, 0.001m, 201.5, 0, false, error, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero))
        {
            Adaptations = error is null ? [] : ["temperature dropped"],
        });

    [Fact]
    public async Task ExecuteAsync_BatchedAndSingleCalls_WritesTheSameBytesAsSerializingTheEntries()
    {
        var store = new FileResultStore(_root);
        List<TraceEntry> batchA = [Entry("l1-c0", "alpha \"quoted\" \u2603"), Entry("l1-c1", null, "HTTP 503")];
        List<TraceEntry> batchB = [Entry("l1-c2", "gamma"), Entry("l1-c3", "delta")];
        var single = Entry("l0-c0", "unit tests: [\"x\"]");
        await store.PutJsonAsync(BlobLayout.CallBatch(Instance, "l1-c0"), batchA, CancellationToken.None);
        await store.PutJsonAsync(BlobLayout.CallBatch(Instance, "l1-c2"), batchB, CancellationToken.None);
        await store.PutJsonAsync(BlobLayout.CallEntry(Instance, "l0-c0"), single, CancellationToken.None);
        var state = QueryState.Start([new ChatTurn("user", "q")]);
        var usage = new UsageTotals(5, 15, 25, 0.005m, 0, 1, 0);
        // Trace order is the input's call order, not the blobs' order; one batched call (l1-c3) is left out.
        string[] callIds = ["l0-c0", "l1-c2", "l1-c0", "l1-c1"];

        var target = await new SaveTraceActivity(store).ExecuteAsync(
            new SaveTraceInput(Instance, "arch", null, usage, callIds, state, ["l1-c0", "l1-c2"]), CancellationToken.None);

        var written = await store.GetBytesAsync(target.Container, target.Name, CancellationToken.None);
        var expected = JsonSerializer.SerializeToUtf8Bytes(
            new SaveTraceRequest(Instance, "arch", null, usage, [single, batchB[0], batchA[0], batchA[1]], state), StoreJson.Options);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(written!));
    }

    [Fact]
    public async Task ExecuteAsync_BatchBlobMissing_FindsItsCallsOneByOne()
    {
        var store = new FileResultStore(_root);
        var entry = Entry("l0-c0", "only");
        await store.PutJsonAsync(BlobLayout.CallEntry(Instance, "l0-c0"), entry, CancellationToken.None);

        var target = await new SaveTraceActivity(store).ExecuteAsync(
            new SaveTraceInput(Instance, "arch", "only", UsageTotals.Zero, ["l0-c0"], null, ["gone"]), CancellationToken.None);

        var saved = await store.GetJsonAsync<SaveTraceRequest>(target, CancellationToken.None);
        Assert.Equal("only", saved!.Answer);
        Assert.Equal(JsonSerializer.Serialize(entry, StoreJson.Options), JsonSerializer.Serialize(Assert.Single(saved.Trace), StoreJson.Options));
    }

    [Fact]
    public async Task ExecuteAsync_CallFoundNowhere_FailsNamingTheCall()
    {
        var store = new FileResultStore(_root);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SaveTraceActivity(store).ExecuteAsync(
            new SaveTraceInput(Instance, "arch", null, UsageTotals.Zero, ["l9-c9"]), CancellationToken.None));

        Assert.Contains("call l9-c9 of trace-splice: not found", error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_BatchBlobNotAnArray_FailsNamingTheBlob()
    {
        var store = new FileResultStore(_root);
        await store.PutJsonAsync(BlobLayout.CallBatch(Instance, "l1-c0"), new { oops = 1 }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SaveTraceActivity(store).ExecuteAsync(
            new SaveTraceInput(Instance, "arch", null, UsageTotals.Zero, ["l1-c0"], null, ["l1-c0"]), CancellationToken.None));

        Assert.Contains("batch blob l1-c0 of trace-splice: not a JSON array", error.Message);
    }
}
