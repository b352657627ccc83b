using System.Diagnostics;
using static Archon.TestSupport.ProviderHarness;

namespace Archon.Core.Tests.Providers;

public sealed class ResilienceTests
{
    [Fact]
    public async Task InvokeAsync_429WithRetryAfter_WaitsThenSucceeds()
    {
        await using var server = new LoopbackTestServer(_ => "ok");
        server.Enqueue(LoopbackFault.RateLimited(1));
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri));
        await using var _ = factory;
        var clock = Stopwatch.StartNew();

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Retries);
        Assert.True(clock.ElapsedMilliseconds >= 900, $"Retry-After: 1 was not honoured ({clock.ElapsedMilliseconds} ms)");
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task InvokeAsync_Two500s_RetriedTwice()
    {
        await using var server = new LoopbackTestServer(_ => "ok");
        server.Enqueue(LoopbackFault.ServerError()).Enqueue(LoopbackFault.ServerError());
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri));
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.Equal(("ok", 2), (result.Text, result.Retries));
    }

    [Fact]
    public async Task InvokeAsync_Persistent500_FailsWithProviderErrorAndRetryCount()
    {
        await using var server = new LoopbackTestServer(_ => "ok");
        for (var i = 0; i < 3; i++)
        {
            server.Enqueue(LoopbackFault.ServerError());
        }

        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri, maxRetries: 2));
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Retries);
        Assert.Contains("HTTP 500", result.Error);
        Assert.Contains("internal error", result.Error);
    }

    [Fact]
    public async Task InvokeAsync_400_NotRetried()
    {
        await using var server = new LoopbackTestServer(_ => "ok");
        server.Enqueue(LoopbackFault.BadRequest());
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri));
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.Equal((false, 0), (result.Succeeded, result.Retries));
        Assert.Contains("HTTP 400", result.Error);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task InvokeAsync_MalformedJson_Retried()
    {
        await using var server = new LoopbackTestServer(_ => "ok");
        server.Enqueue(LoopbackFault.MalformedJson());
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri));
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.Equal(("ok", 1), (result.Text, result.Retries));
    }

    [Fact]
    public async Task InvokeAsync_EmptyChoices_Retried()
    {
        await using var server = new LoopbackTestServer(_ => "ok");
        server.Enqueue(LoopbackFault.EmptyChoices());
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri));
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(("ok", 1), (result.Text, result.Retries));
    }

    [Fact]
    public async Task InvokeAsync_SlowPastTimeout_RetriedAndSucceeds()
    {
        await using var server = new LoopbackTestServer(_ => "ok");
        server.Enqueue(LoopbackFault.Slow(TimeSpan.FromSeconds(6)));
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri, timeoutSeconds: 1));
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(("ok", 1), (result.Text, result.Retries));
    }

    [Fact]
    public async Task InvokeAsync_ConcurrencyCap_LimitsRequestsInFlight()
    {
        await using var server = new LoopbackTestServer(_ => "ok", TimeSpan.FromMilliseconds(300));
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri) with { MaxConcurrency = 2 });
        await using var _ = factory;

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => invoker.InvokeAsync(Request(sample: i), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(2, server.PeakInFlight);
    }
}
