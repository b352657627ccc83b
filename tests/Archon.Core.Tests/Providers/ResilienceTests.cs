using static Archon.TestSupport.ProviderHarness;

namespace Archon.Core.Tests.Providers;

public sealed class ResilienceTests
{
    // A guard against a hang, not a wait: every test advances its clock itself and finishes in milliseconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task InvokeAsync_429WithRetryAfter_WaitsThenSucceeds()
    {
        await using var server = new LoopbackTestServer(_ => "ok");
        server.Enqueue(LoopbackFault.RateLimited(1));
        var clock = new TimerClock();
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri), clock: clock);
        await using var _ = factory;

        var call = invoker.InvokeAsync(Request(), CancellationToken.None);
        // The retry waits exactly the Retry-After (1 s) on the clock; the fast backoff (5-50 ms) would start another timer.
        var wait = await clock.WhenTimer(d => d == TimeSpan.FromSeconds(1)).WaitAsync(Patience);
        Assert.Single(server.Received);
        clock.Advance(wait);
        var result = await call.WaitAsync(Patience);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Retries);
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
        var clock = new TimerClock();
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri, timeoutSeconds: 1), clock: clock);
        await using var _ = factory;

        var call = invoker.InvokeAsync(Request(), CancellationToken.None);
        await server.WhenReceived(1).WaitAsync(Patience); // the first attempt is at the server, which holds its reply
        clock.Advance(await clock.WhenTimer(d => d == TimeSpan.FromSeconds(1)).WaitAsync(Patience)); // attempt timeout
        // The jittered backoff before the retry may round to no wait at all; advance it only if one starts.
        var backoff = clock.WhenTimer(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(1));
        if (await Task.WhenAny(call, backoff).WaitAsync(Patience) == backoff)
        {
            clock.Advance(await backoff);
        }

        var result = await call.WaitAsync(Patience);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(("ok", 1), (result.Text, result.Retries));
    }

    [Fact]
    public async Task InvokeAsync_ConcurrencyCap_LimitsRequestsInFlight()
    {
        await using var server = new LoopbackTestServer(_ => "ok", holdUntilInFlight: 2); // the first two are held until both are in flight
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri) with { MaxConcurrency = 2 });
        await using var _ = factory;

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => invoker.InvokeAsync(Request(sample: i), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(2, server.PeakInFlight);
    }
}
