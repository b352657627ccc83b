using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Core.Streaming;
using Archon.Durable.Activities;
using Archon.Durable.Contracts;

namespace Archon.Durable.Tests.Activities;

/// <summary>The model-call activity with a streaming request: tokens to the relay, a relay cancel stops the call.</summary>
public sealed class StreamingModelCallTests : IDisposable
{
    private static readonly ModelCallWork Request = new(
        "chatcmpl-test", new ModelCallRequest("L2.C0.fuser.s0", "m", [new ChatTurn("user", "2+2?")], 0, 64, 0, "fuser", 2, StreamTo: "chatcmpl-test"));

    private readonly string _root = Path.Combine(Path.GetTempPath(), "archon-stream-activity-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private ModelCallActivity Activity(IModelInvoker invoker, IStreamRelay relay) => new(invoker, new FileResultStore(_root), relay);

    [Fact]
    public async Task ExecuteAsync_StreamingRequest_WritesEveryTokenToTheRelayBeforeReturning()
    {
        var relay = new InMemoryStreamRelay();
        using var invoker = new GatedStreamingInvoker(["Four", " it", " is"]);
        invoker.Release(3);

        var result = await Activity(invoker, relay).ExecuteAsync(Request, CancellationToken.None);
        var events = await relay.ReadAsync("chatcmpl-test", 0, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("Four it is", result.Text);
        Assert.Equal("Four it is", string.Concat(events.Where(e => e.Kind == StreamEventKinds.Delta).Select(e => e.Text)));
        Assert.Equal(StreamEventKinds.End, events[^1].Kind);
    }

    [Fact]
    public async Task ExecuteAsync_RelayCancelWhileStreaming_StopsTheCallAndRecordsTheCancellation()
    {
        var relay = new InMemoryStreamRelay();
        using var invoker = new GatedStreamingInvoker(["Four", " it", " is"]);
        invoker.Release(1);

        var call = Activity(invoker, relay).ExecuteAsync(Request, CancellationToken.None);
        await invoker.FirstTokenSent.WaitAsync(TimeSpan.FromSeconds(30));
        await relay.AppendAsync("chatcmpl-test", [new StreamEvent(StreamEventKinds.Cancel)], CancellationToken.None);
        var result = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(result.Text);
        Assert.StartsWith("cancelled", result.Error);
        Assert.True(invoker.SawCancellation);
    }

    [Fact]
    public async Task ExecuteAsync_NonStreamingInvoker_WritesTheWholeReplyAsOneDelta()
    {
        var relay = new InMemoryStreamRelay();

        var result = await Activity(new FakeModel(_ => "Four."), relay).ExecuteAsync(Request, CancellationToken.None);
        var deltas = (await relay.ReadAsync("chatcmpl-test", 0, TimeSpan.Zero, CancellationToken.None)).Where(e => e.Kind == StreamEventKinds.Delta).ToList();

        Assert.Equal(result.Text, Assert.Single(deltas).Text);
    }

    private sealed class GatedStreamingInvoker(IReadOnlyList<string> tokens) : IStreamingModelInvoker, IDisposable
    {
        private readonly SemaphoreSlim _permits = new(0);
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstTokenSent => _first.Task;

        public bool SawCancellation { get; private set; }

        public void Release(int n) => _permits.Release(n);

        public void Dispose() => _permits.Dispose();

        public Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("streamed only");

        public async Task<ModelCallResult> InvokeStreamingAsync(ModelCallRequest request, IStreamSink sink, CancellationToken cancellationToken)
        {
            try
            {
                foreach (var token in tokens)
                {
                    await _permits.WaitAsync(cancellationToken);
                    sink.Delta(token);
                    _first.TrySetResult();
                }
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }

            return new ModelCallResult(request.CallId, string.Concat(tokens), 3, 3, 0m, 1, 0, false, null, DateTimeOffset.UnixEpoch);
        }
    }
}
