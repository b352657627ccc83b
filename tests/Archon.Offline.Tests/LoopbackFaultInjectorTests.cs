using Archon.Offline.Loopback;

namespace Archon.Offline.Tests;

public sealed class LoopbackFaultInjectorTests
{
    private static readonly LoopbackExchange Exchange = new("openai", "/v1/chat/completions", "m", [new("user", "hi")], null, null, new Dictionary<string, string>(), "{}");

    private static async Task<List<LoopbackReply>> DrawAsync(LoopbackFaultInjector injector, int n)
    {
        var handler = injector.Wrap((_, _) => Task.FromResult(LoopbackReply.Ok("fine")));
        var replies = new List<LoopbackReply>();
        for (var i = 0; i < n; i++)
        {
            replies.Add(await handler(Exchange, CancellationToken.None));
        }

        return replies;
    }

    [Fact]
    public async Task Wrap_SameSeed_SameFaultSequenceNearTheRate()
    {
        var options = new LoopbackFaultOptions { Rate = 0.2, Seed = 42 };
        var a = await DrawAsync(new LoopbackFaultInjector(options), 1000);
        var b = await DrawAsync(new LoopbackFaultInjector(options), 1000);

        Assert.Equal(a.Select(r => (r.StatusCode, r.RawBody, r.DropConnection, r.Delay)), b.Select(r => (r.StatusCode, r.RawBody, r.DropConnection, r.Delay)));
        var faulty = a.Count(r => r.Text != "fine" || r.Delay > TimeSpan.Zero);
        Assert.InRange(faulty, 150, 250);
    }

    [Fact]
    public async Task Wrap_RateLimited_SendsRetryAfterInSecondsAndMilliseconds()
    {
        var injector = new LoopbackFaultInjector(new LoopbackFaultOptions { Rate = 1, Kinds = [LoopbackFaultKind.RateLimited], RetryAfter = TimeSpan.FromMilliseconds(20) });

        var reply = Assert.Single(await DrawAsync(injector, 1));

        Assert.Equal(429, reply.StatusCode);
        Assert.Equal("1", reply.Headers["Retry-After"]);
        Assert.Equal("20", reply.Headers["retry-after-ms"]);
        Assert.Equal(1, injector.Injected[LoopbackFaultKind.RateLimited]);
    }

    [Fact]
    public async Task Wrap_Disabled_AnswersNormally()
    {
        var injector = new LoopbackFaultInjector(new LoopbackFaultOptions { Rate = 1 }) { Enabled = false };

        Assert.All(await DrawAsync(injector, 20), r => Assert.Equal("fine", r.Text));
        Assert.Equal(0, injector.InjectedTotal);
    }

    [Theory]
    [InlineData("rate=0.2,seed=7,kinds=429+drop", 0.2, 7, 2)]
    [InlineData("rate=1", 1.0, 1, 6)]
    public void Parse_Valid_ReadsEveryField(string text, double rate, int seed, int kinds)
    {
        var options = LoopbackFaultOptions.Parse(text);

        Assert.Equal(rate, options.Rate);
        Assert.Equal(seed, options.Seed);
        Assert.Equal(kinds, options.Kinds.Count);
    }

    [Theory]
    [InlineData("rate=2", "rate: must be between 0 and 1")]
    [InlineData("kinds=teleport", "kind 'teleport' is unknown")]
    [InlineData("speed=3", "'speed' is unknown")]
    public void Parse_Invalid_NamesTheField(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => LoopbackFaultOptions.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
