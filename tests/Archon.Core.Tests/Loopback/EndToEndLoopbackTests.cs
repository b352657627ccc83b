using Archon.Offline.Simulation;
using Archon.Offline;
using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Providers;

namespace Archon.Core.Tests.Loopback;

/// <summary>The whole stack — runner, in-process scheduler, invoker, provider stack, OpenAI SDK — against the loopback server.</summary>
public sealed class EndToEndLoopbackTests
{
    [Fact]
    public async Task RunAsync_EightGeneratorsThroughRealClient_AllReachTheServerTogether()
    {
        await using var server = new LoopbackTestServer(holdUntilInFlight: 8); // answers only once all eight are at the server
        var catalog = new ModelCatalog([new ModelEntry { Id = ModelCatalog.Wildcard, Provider = "openai-compatible", Endpoint = server.OpenAIBaseUri.ToString(), MaxConcurrency = 16 }], "test");
        await using var factory = new ModelClientFactory(catalog);
        OfflineProviders.Register(factory, new SimulatorKnowledge());
        var arch = new ArchitectureConfig
        {
            Name = "eight",
            Layers = [new LayerConfig(Enumerable.Range(0, 8).Select(i => new ComponentConfig { Type = "generator", Model = $"g{i}" }).ToList())],
        };

        var result = await new ArchitectureRunner().RunAsync(arch, QueryState.Start([new ChatTurn("user", "hi")]), new InProcessScheduler(new ChatClientModelInvoker(factory)), CancellationToken.None);

        Assert.Equal(8, result.FinalState.Candidates.Count);
        Assert.Equal(8, server.PeakInFlight);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"g{i}"), server.Received.Select(e => e.Model).Order());
        Assert.All(result.Trace, e => Assert.True(e.Result.InputTokens > 0));
    }

    [Fact]
    public async Task RunAsync_OfflineCatalogOnReferenceConfig_ProducesAnAnswer()
    {
        var catalog = ModelCatalog.Load(Path.Combine(TestPaths.RepoRoot, "catalog", "offline.json"));
        await using var factory = new ModelClientFactory(catalog);
        OfflineProviders.Register(factory, new SimulatorKnowledge());
        var arch = ArchitectureLoader.Load(Path.Combine(TestPaths.ConfigsDir, "archon-70Bx8_1_samples_then_critic_then_rank_top5_then_critic_then_fuser_with_Qwen2_72B.json")).GetOrThrow();

        var result = await new ArchitectureRunner().RunAsync(arch, QueryState.Start([new ChatTurn("user", "Name three primes.")]), new InProcessScheduler(new ChatClientModelInvoker(factory)), CancellationToken.None);

        Assert.StartsWith("A combined answer", result.Answer);
        Assert.Empty(result.FinalState.Notes);
        Assert.Equal(0, result.Totals.FailedCalls);
    }
}
