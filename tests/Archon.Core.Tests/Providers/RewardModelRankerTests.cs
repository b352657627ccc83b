using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Providers;

namespace Archon.Core.Tests.Providers;

/// <summary>The reference's PairRM ranker: a reward-model endpoint declared in the catalog, over real HTTP.</summary>
public sealed class RewardModelRankerTests
{
    private static ArchitectureConfig PairRmArchitecture(int topK) => new()
    {
        Name = "pairrm",
        Layers =
        [
            new LayerConfig([new ComponentConfig { Type = "generator", Model = "gen", Samples = 3 }]),
            new LayerConfig([new ComponentConfig { Type = "ranker", Model = RewardModels.PairRm, TopK = topK }]),
        ],
    };

    private static async Task<PipelineResult> RunAsync(string protocol, RewardModelLoopback reward)
    {
        var catalog = new ModelCatalog(
        [
            new ModelEntry { Id = "gen", Provider = "openai-compatible", Endpoint = "http://127.0.0.1:1/v1" },
            new ModelEntry { Id = RewardModels.PairRm, Provider = RewardModels.Provider, Endpoint = reward.BaseUri.ToString(), RewardModel = new RewardModelSpec { Protocol = protocol, BatchSize = 2 } },
        ], "test-catalog.json");
        await using var factory = new ModelClientFactory(catalog, new ModelClientFactoryOptions { Resilience = ProviderHarness.FastRetries });
        // Generator answers differ by sample: "An answer to: …" is the canned reply; the sample index tells them apart via the script.
        var invoker = new ChatClientModelInvoker(factory);
        var scheduler = new InProcessScheduler(new SampleTaggingInvoker(invoker));
        return await new ArchitectureRunner().RunAsync(PairRmArchitecture(2), QueryState.Start([new ChatTurn("user", "Pick one.")]), scheduler, CancellationToken.None);
    }

    [Theory]
    [InlineData("pairwise")]
    [InlineData("pointwise")]
    public async Task PairRmRanker_RewardEndpoint_RanksByScoreAndKeepsTopK(string protocol)
    {
        await using var reward = new RewardModelLoopback(text => text.EndsWith("#3", StringComparison.Ordinal) ? 2 : text.EndsWith("#1", StringComparison.Ordinal) ? 1 : 0);

        var result = await RunAsync(protocol, reward);

        Assert.Equal(["#3", "#1"], result.FinalState.Candidates.Select(c => c.Text[^2..]));
        var call = Assert.Single(result.Trace, e => e.Request.Role == "ranker");
        Assert.EndsWith(".reward", call.Request.CallId, StringComparison.Ordinal);
        Assert.StartsWith("Answer: [3] > [1] > [2]", call.Result.Text, StringComparison.Ordinal);
        var (route, body) = reward.Received.First();
        Assert.Equal(protocol == "pairwise" ? "/reward/compare" : "/reward/score", route);
        Assert.Equal(("llm-blender/PairRM", "Pick one."), ((string)body["model"]!, (string)body["query"]!));
        // Batches of 2: three pairs take two requests; three responses take two requests.
        Assert.Equal(2, reward.Received.Count);
    }

    [Fact]
    public void Unresolved_PairRmMissingFromCatalog_NamesTheEntryToAdd()
    {
        var catalog = new ModelCatalog([new ModelEntry { Id = "gen", Provider = "loopback" }], "my-models.json");

        var problem = Assert.Single(catalog.Unresolved(PairRmArchitecture(1)));

        Assert.Contains("the catalog my-models.json has no entry for it", problem, StringComparison.Ordinal);
        Assert.Contains("{\"id\": \"llm-blender/PairRM\", \"provider\": \"reward-model\", \"endpoint\": \"http://HOST:PORT\"", problem, StringComparison.Ordinal);
    }

    /// <summary>Generators answer here ("answer #k", k = sample + 1); the ranker's call goes over HTTP to the reward model.</summary>
    private sealed class SampleTaggingInvoker(IModelInvoker inner) : IModelInvoker
    {
        public Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken) =>
            request.Role == "generator"
                ? Task.FromResult(new ModelCallResult(request.CallId, $"answer #{request.SampleIndex + 1}", 1, 1, 0m, 1, 0, false, null, DateTimeOffset.UnixEpoch))
                : inner.InvokeAsync(request, cancellationToken);
    }
}
