using Archon.Core.Storage;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Http.Tests;

/// <summary>A streaming client that disconnects (no reconnect grace) stops the rest of its request's model calls.</summary>
public sealed class StreamDisconnectTests(NoGraceStreamingApiFixture api) : IClassFixture<NoGraceStreamingApiFixture>
{
    /// <summary>The server logs this right after it raised the cancel event and told the relay.</summary>
    private Task WaitForCancelLogAsync(string id) =>
        api.Logs.WaitForLineAsync(l => l.Contains(id, StringComparison.Ordinal) && l.Contains("cancelled its remaining", StringComparison.Ordinal))
            .WaitAsync(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task InferenceOrchestration_ClientDisconnectedEventDuringFirstLayer_CompletesCancelled()
    {
        api.EarlyLayerGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.EarlyLayerReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = api.Server.Client;
        var architecture = TestArchitectures.Arch("x", [TestArchitectures.C("generator", "gen")], [TestArchitectures.C("fuser", "fuse")]);
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration),
            new InferenceRequest([new("user", "hi")], architecture, StreamId: id), new Microsoft.DurableTask.StartOrchestrationOptions(id));
        await api.EarlyLayerReached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await client.RaiseEventAsync(id, ClientCancellation.EventName, "gone");
        api.EarlyLayerGate.SetResult();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.True(done.ReadOutputAs<InferenceResult>()!.Cancelled);
    }

    [Fact]
    public async Task PostStream_ClientDisconnectsDuringFirstLayer_LaterLayersNeverCallTheirModels()
    {
        api.Gate = new TokenGate();
        api.Gate.Open();
        api.EarlyLayerReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.EarlyLayerGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finalCallsBefore = api.FinalModelRequests;
        string id;
        using (var response = await api.Http.SendAsync(
            StreamingTests.Post("""{"model":"three-layer","stream":true,"messages":[{"role":"user","content":"What is 2+2?"}]}"""), HttpCompletionOption.ResponseHeadersRead))
        {
            using var sse = new SseClient(await response.Content.ReadAsStreamAsync());
            var first = await sse.NextAsync();
            id = first!.Value.Id![..first.Value.Id!.LastIndexOf(':')];
            await api.EarlyLayerReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // The cancel event is raised once the server saw the disconnect; then the first layer's calls may finish.
        await WaitForCancelLogAsync(id);
        api.EarlyLayerGate.SetResult();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await api.Server.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token)
            .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : throw new TimeoutException(
                $"not cancelled: {api.Server.Client.GetInstanceAsync(id, true).GetAwaiter().GetResult()?.SerializedCustomStatus}; server log:\n{api.Logs}"), TaskScheduler.Default);
        var result = done.ReadOutputAs<InferenceResult>()!;
        var store = api.Server.Durable.Services.GetRequiredService<IResultStore>();
        var trace = await store.GetJsonAsync<SaveTraceRequest>(result.Trace, CancellationToken.None);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(result.Cancelled);
        Assert.Null(result.Answer);
        Assert.Equal(finalCallsBefore, api.FinalModelRequests);
        Assert.Contains(trace!.FinalState!.Notes, n => n.Kind == ClientCancellation.NoteKind && n.Layer == 0);
    }

    [Fact]
    public async Task PostStream_ClientDisconnectsDuringTheStreamedFinalStage_ProviderCallIsAbortedAndTheTraceSaysSo()
    {
        // Two tokens of the final stage reach the client, then it leaves while the model is still generating.
        api.Gate = new TokenGate();
        api.Gate.Release(2);
        api.EarlyLayerGate = null;
        var received = new List<string>();
        string id;
        var body = """{"model":"three-layer","stream":true,"messages":[{"role":"user","content":"What is 2+2?"}]}""";
        using (var response = await api.Http.SendAsync(StreamingTests.Post(body), HttpCompletionOption.ResponseHeadersRead))
        {
            using var sse = new SseClient(await response.Content.ReadAsStreamAsync());
            var first = await sse.NextAsync();
            id = first!.Value.Id![..first.Value.Id!.LastIndexOf(':')];
            while (string.Concat(received) != "Two plus" && await sse.NextAsync() is { } e)
            {
                if (StreamingTests.Content(e.Data) is { Length: > 0 } piece)
                {
                    received.Add(piece);
                }
            }
        }

        // The model's own HTTP request is aborted: it stops generating instead of running to the end unread.
        await api.Gate.Cancelled.WaitAsync(TimeSpan.FromSeconds(60));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await api.Server.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        var result = done.ReadOutputAs<InferenceResult>()!;
        var store = api.Server.Durable.Services.GetRequiredService<IResultStore>();
        var trace = await store.GetJsonAsync<SaveTraceRequest>(result.Trace, CancellationToken.None);

        Assert.Equal("Two plus", string.Concat(received));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(result.Cancelled);
        Assert.Null(result.Answer);
        var final = Assert.Single(trace!.Trace, e => e.Request.Layer == 2);
        Assert.False(final.Result.Succeeded);
        Assert.Contains("client disconnected", final.Result.Error, StringComparison.Ordinal);
        Assert.Contains(trace.FinalState!.Notes, n => n.Kind == ClientCancellation.NoteKind && n.Layer == 2);
    }
}
