using Archon.Core.Caching;
using Archon.Core.Execution;
using Microsoft.Extensions.AI;
using static Archon.TestSupport.ProviderHarness;

namespace Archon.Core.Tests.Caching;

public sealed class ResponseCacheTests
{
    [Fact]
    public async Task InvokeAsync_SameCallTwice_SecondServedFromCacheFlaggedWithTheCostItWouldHaveHad()
    {
        await using var server = new LoopbackTestServer(_ => "cached text");
        var store = new InMemoryResponseCacheStore();
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri), store);
        await using var _ = factory;

        var first = await invoker.InvokeAsync(Request(), CancellationToken.None);
        var second = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.Equal((false, true), (first.Cached, second.Cached));
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.InputTokens, second.InputTokens);
        // One cost rule: a hit reports what the call would have cost; totals count it as saved, not spent.
        Assert.True(first.CostUsd > 0m);
        Assert.Equal(first.CostUsd, second.CostUsd);
        var totals = UsageTotals.From([first, second]);
        Assert.Equal((first.CostUsd, first.CostUsd, 1), (totals.CostUsd, totals.SavedUsd, totals.CachedCalls));
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task InvokeAsync_DifferentSampleIndex_IsAMiss()
    {
        await using var server = new LoopbackTestServer(_ => "x");
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri), new InMemoryResponseCacheStore());
        await using var _ = factory;

        await invoker.InvokeAsync(Request(sample: 0), CancellationToken.None);
        var other = await invoker.InvokeAsync(Request(sample: 1), CancellationToken.None);

        Assert.False(other.Cached);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task FileStore_SurvivesANewFactory()
    {
        var dir = Directory.CreateTempSubdirectory("archon-cache-").FullName;
        try
        {
            await using var server = new LoopbackTestServer(_ => "persisted");
            var (invoker1, factory1) = Create(OpenAIEntry(server.OpenAIBaseUri), new FileResponseCacheStore(dir));
            await invoker1.InvokeAsync(Request(), CancellationToken.None);
            await factory1.DisposeAsync();

            var (invoker2, factory2) = Create(OpenAIEntry(server.OpenAIBaseUri), new FileResponseCacheStore(dir));
            await using var _ = factory2;
            var again = await invoker2.InvokeAsync(Request(), CancellationToken.None);

            Assert.Equal(("persisted", true), (again.Text, again.Cached));
            Assert.Single(server.Received);
            Assert.Single(Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task InvokeAsync_Hit_ReportsTheOriginalCallsLatency()
    {
        var store = new InMemoryResponseCacheStore();
        await using var server = new LoopbackTestServer(_ => "slow text");
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri), store);
        await using var _ = factory;

        var first = await invoker.InvokeAsync(Request(), CancellationToken.None);
        var second = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.True(second.Cached);
        Assert.Equal(first.LatencyMs, second.LatencyMs, 3);
    }

    [Fact]
    public void Compute_EveryKeyPartMatters()
    {
        static string Key(string provider = "p", string model = "m", string text = "hi", double? t = 0.7, int? max = 100, string sample = "0", string? role = null, string? item = null, string? pack = null) =>
            ResponseCacheKey.Compute(provider, model, [("user", text)], t, max, sample, role, item, pack);

        var keys = new[]
        {
            Key(), Key(provider: "q"), Key(model: "n"), Key(text: "hello"), Key(t: 0.2), Key(max: 50), Key(sample: "1"), Key(role: "fuser"), Key(item: "i-2"),
            Key(pack: "archon-net-default@1"), Key(pack: "archon-net-default@2"),
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(Key(), Key());
        Assert.Matches("^[0-9a-f]{64}$", Key());
    }

    [Fact]
    public void Compute_FromChatOptions_ReadsSampleIndexMetadata()
    {
        var messages = new[] { new ChatMessage(ChatRole.User, "hi") };
        var a = new ChatOptions { Temperature = 0.7f, AdditionalProperties = new() { ["archon.sample_index"] = "0" } };
        var b = new ChatOptions { Temperature = 0.7f, AdditionalProperties = new() { ["archon.sample_index"] = "3" } };

        Assert.NotEqual(ResponseCacheKey.Compute("p", "m", messages, a), ResponseCacheKey.Compute("p", "m", messages, b));
    }

    [Fact]
    public void Compute_FromChatOptions_PromptPackVersionChangesTheKey()
    {
        var messages = new[] { new ChatMessage(ChatRole.User, "hi") };
        ChatOptions Options(string pack) => new() { AdditionalProperties = new() { [Archon.Core.Providers.CallMetadata.PromptPack] = pack } };

        Assert.NotEqual(ResponseCacheKey.Compute("p", "m", messages, Options("my-pack@1")), ResponseCacheKey.Compute("p", "m", messages, Options("my-pack@2")));
        Assert.Equal(ResponseCacheKey.Compute("p", "m", messages, Options("my-pack@1")), ResponseCacheKey.Compute("p", "m", messages, Options("my-pack@1")));
    }
}
