using Archon.Core.Architecture;
using Archon.Core.Providers;

namespace Archon.Core.Tests.Providers;

public sealed class ModelCatalogTests
{
    private static string DefaultCatalogPath => Path.Combine(TestPaths.RepoRoot, "catalog", "models.json");

    [Fact]
    public void Parse_ModelTypeDefaults_AppliedToModels()
    {
        var catalog = ModelCatalog.Parse("""
            {
              "defaults": { "maxConcurrency": 3, "timeoutSeconds": 30 },
              "modelTypes": { "Together_API": { "provider": "openai-compatible", "endpoint": "https://api.together.xyz/v1", "apiKeyEnv": "TOGETHER_API_KEY", "maxConcurrency": 20 } },
              "models": [
                { "id": "Qwen/Qwen2-72B-Instruct", "modelType": "Together_API", "inputPricePerMillion": 0.9, "outputPricePerMillion": 1.1, "aliases": ["qwen2-72b"] },
                { "id": "mine", "provider": "openai", "maxConcurrency": 1 }
              ]
            }
            """, "c.json");

        var qwen = catalog.Resolve("qwen2-72b");
        Assert.Equal(("Qwen/Qwen2-72B-Instruct", "openai-compatible", "https://api.together.xyz/v1", "TOGETHER_API_KEY"), (qwen.Id, qwen.Provider, qwen.Endpoint, qwen.ApiKeyEnv));
        Assert.Equal((3, 20, 30.0), (qwen.MaxConcurrency, qwen.ProviderMaxConcurrency, qwen.TimeoutSeconds));
        Assert.Equal(0.9m * 2 + 1.1m, qwen.CostUsd(2_000_000, 1_000_000));
        Assert.Equal(1, catalog.Resolve("mine").MaxConcurrency);
    }

    [Fact]
    public async Task GetClient_AliasAndId_ShareOneStack()
    {
        var catalog = new ModelCatalog([new ModelEntry { Id = "real", Provider = "custom", Aliases = ["nick"] }], "c.json");
        await using var factory = new ModelClientFactory(catalog);
        var created = 0;
        factory.RegisterProvider("custom", _ =>
        {
            created++;
            return new Microsoft.Extensions.AI.ChatClientBuilder(new FakeModel()).Build();
        });

        Assert.Same(factory.GetClient("real"), factory.GetClient("nick"));
        Assert.Equal(1, created);
    }

    [Fact]
    public void Resolve_Unknown_MessageNamesModelTypeAndCatalog()
    {
        var catalog = ModelCatalog.Parse("""{ "models": [] }""", "/etc/archon/models.json");

        var ex = Assert.Throws<ModelNotConfiguredException>(() => catalog.Resolve("llm-blender/PairRM", "Together_API"));

        Assert.Equal("model llm-blender/PairRM (model_type Together_API) is not configured: add it to the catalog /etc/archon/models.json", ex.Message);
    }

    [Fact]
    public void Resolve_Wildcard_MatchesAnyModel()
    {
        var catalog = ModelCatalog.Load(Path.Combine(TestPaths.RepoRoot, "catalog", "offline.json"));

        var entry = catalog.Resolve("gpt-4o");
        Assert.Equal(("gpt-4o", "loopback"), (entry.Id, entry.Provider));
    }

    [Fact]
    public void ForArchitecture_LocalModelType_ResolvesUnlistedModelsThroughTypeDefaults()
    {
        var catalog = ModelCatalog.Load(DefaultCatalogPath);
        var arch = new ArchitectureConfig
        {
            Name = "local",
            Layers = [new LayerConfig([new ComponentConfig { Type = "generator", Model = "my-finetune", ModelType = "vLLM" },
                                       new ComponentConfig { Type = "generator", Model = "other-unknown", ModelType = "Together_API" }])],
        };

        var resolved = catalog.ForArchitecture(arch);

        var entry = resolved.Resolve("my-finetune");
        Assert.Equal(("openai-compatible", "http://127.0.0.1:8000/v1", "vLLM"), (entry.Provider, entry.Endpoint, entry.ModelType));
        // Hosted model types do not accept unknown models: prices would be unknown.
        Assert.Equal(["model other-unknown (model_type Together_API) is not configured: add it to the catalog " + DefaultCatalogPath], resolved.Unresolved(arch));
    }

    [Theory]
    [InlineData("""{ "models": [ { "id": "x", "modelType": "Nope_API" } ] }""", "modelType \"Nope_API\" is not defined")]
    [InlineData("""{ "models": [ { "id": "x" } ] }""", "no \"provider\"")]
    [InlineData("""{ "models": [ { "id": "x", "provider": "openai", "prise": 1 } ] }""", "prise")]
    [InlineData("""{ "models": [ { "id": "x", "provider": "openai" """, "line")]
    public void Parse_Malformed_ErrorNamesFileAndProblem(string json, string expected)
    {
        var ex = Assert.Throws<CatalogException>(() => ModelCatalog.Parse(json, "bad.json"));

        Assert.StartsWith("bad.json", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void DefaultCatalog_ResolvesEveryChatModelOfTheReferenceConfigs()
    {
        var catalog = ModelCatalog.Load(DefaultCatalogPath);
        var unresolved = Directory.EnumerateFiles(TestPaths.ConfigsDir, "*.json", SearchOption.AllDirectories)
            .Select(ArchitectureLoader.Load)
            .Where(r => r.Succeeded)
            .SelectMany(r => catalog.Unresolved(r.Architecture!))
            .Distinct()
            .ToList();

        // PairRM resolves to the reward-model entry; every chat model resolves too.
        Assert.Empty(unresolved);
        Assert.Equal(RewardModels.Provider, catalog.Resolve(RewardModels.PairRm).Provider);
        Assert.Equal("TOGETHER_API_KEY", catalog.Resolve("meta-llama/Meta-Llama-3.1-70b-Instruct-Turbo").ApiKeyEnv);
        Assert.Equal("anthropic", catalog.Resolve("claude-3-5-sonnet-20240620").Provider);
    }
}
