using System.Runtime.CompilerServices;
using Archon.Core.Caching;
using Archon.Core.Providers;
using Archon.Core.Streaming;
using Microsoft.Extensions.AI;

namespace Archon.Core.Tests.Streaming;

/// <summary>Streaming through the response cache and the resilience client, and the relay writer.</summary>
public sealed class StreamingProviderStackTests
{
    [Fact]
    public async Task ResponseCache_StreamedMissThenHit_HitReplaysTheSameTextAsAStreamFlaggedCached()
    {
        var inner = new TokenClient(["Four ", "is ", "the answer."]);
        var cache = new ArchonCachingChatClient(inner, new InMemoryResponseCacheStore(), "test");
        var messages = new[] { new ChatMessage(ChatRole.User, "2+2?") };

        var live = await CollectAsync(cache.GetStreamingResponseAsync(messages));
        var replay = await CollectAsync(cache.GetStreamingResponseAsync(messages));

        Assert.Equal(1, inner.Calls);
        Assert.Equal("Four is the answer.", string.Concat(replay.Select(u => u.Text)));
        Assert.True(replay.Count(u => u.Text.Length > 0) > 1, "a hit is replayed in several updates, not one block");
        Assert.True(replay[0].AdditionalProperties?[CallMetadata.Cached] is true);
        Assert.Equal(string.Concat(live.Select(u => u.Text)), string.Concat(replay.Select(u => u.Text)));
    }

    [Fact]
    public async Task Resilience_StreamFailsBeforeFirstToken_RetriesAndReportsTheRetry()
    {
        var inner = new TokenClient(["ok"]) { FailFirstOpens = 1 };
        var client = new ArchonResilienceChatClient(inner, new ArchonResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) });

        var updates = await CollectAsync(client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        Assert.Equal(2, inner.Calls);
        Assert.Equal("ok", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(1, updates[0].AdditionalProperties?[CallMetadata.Retries]);
    }

    [Fact]
    public async Task RelayWriter_TokensThenComplete_RelayHoldsRestartTextAndEndInOrder()
    {
        var relay = new InMemoryStreamRelay();
        var writer = new RelayWriter(relay, "s1", CancellationToken.None);

        writer.Restart();
        writer.Delta("Two");
        writer.Delta(" plus");
        await writer.CompleteAsync();
        var events = await relay.ReadAsync("s1", 0, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(StreamEventKinds.Restart, events[0].Kind);
        Assert.Equal("Two plus", string.Concat(events.Where(e => e.Kind == StreamEventKinds.Delta).Select(e => e.Text)));
        Assert.Equal(StreamEventKinds.End, events[^1].Kind);
    }

    [Fact]
    public async Task InMemoryRelay_WaitingReader_WakesOnAppend()
    {
        var relay = new InMemoryStreamRelay();
        var waiting = relay.ReadAsync("s2", 0, TimeSpan.FromSeconds(30), CancellationToken.None);

        await relay.AppendAsync("s2", [StreamEvent.Delta("x")], CancellationToken.None);

        Assert.Equal("x", Assert.Single(await waiting).Text);
    }

    private static async Task<List<ChatResponseUpdate>> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var u in updates)
        {
            list.Add(u);
        }

        return list;
    }

    private sealed class TokenClient(IReadOnlyList<string> tokens) : IChatClient
    {
        public int Calls { get; private set; }

        public int FailFirstOpens { get; init; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("these tests stream");

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Calls++;
            if (Calls <= FailFirstOpens)
            {
                throw new HttpRequestException("connection reset", null, System.Net.HttpStatusCode.ServiceUnavailable);
            }

            foreach (var token in tokens)
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, token);
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
