using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Archon.Offline;
using Archon.Offline.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Hosting.Tests;

/// <summary>The one composition root: store selection, and the SIMULATED fleet behind the same stack as real models.</summary>
public sealed class ArchonServicesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archon-compose-").FullName;

    internal static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ModelCallRequest Ask(string model, string text = "What is 17 * 3?") =>
        new("L0.C0.generator.s0", model, [new ChatTurn("user", text)], 0.7, 256, 0, "generator", 0, "item-1");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddArchonDurable_ArchonPromptsSetting_RunnerOfEveryHostUsesThatPack(bool inline)
    {
        // The Functions app setting (infra: promptPack → ARCHON_PROMPTS): a pack file path, or the pack JSON inline.
        var json = Archon.Core.Prompts.PromptPackLoader.DefaultJson()
            .Replace("\"name\": \"archon-net-default\"", "\"name\": \"team-pack\"", StringComparison.Ordinal);
        var file = Path.Combine(_root, "pack.json");
        File.WriteAllText(file, json);
        var services = new ServiceCollection();
        services.AddArchonDurable(Settings(new() { ["ARCHON_PROMPTS"] = inline ? json : file }));

        using var provider = services.BuildServiceProvider();

        Assert.StartsWith("team-pack@", provider.GetRequiredService<ArchitectureRunner>().Prompts.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void AddArchon_LocalStoreAndBlobSettings_LocalFolderWins()
    {
        using var services = ArchonServices.BuildProvider(Settings(new() { ["ArchonStorage:ConnectionString"] = "UseDevelopmentStorage=true" }), o =>
        {
            o.LocalStore = _root;
            o.Catalog = OfflineProviders.NamedCatalog(OfflineProviders.SimCatalogName);
        });

        var store = Assert.IsType<FileResultStore>(services.GetRequiredService<IResultStore>());
        Assert.Equal(Path.GetFullPath(_root), Path.GetFullPath(store.Location));
    }

    [Fact]
    public async Task AddArchon_SimulatedCallTwice_HitIsFlaggedWithTheCostAndSimulatedLatencyItWouldHaveHad()
    {
        await using var services = ArchonServices.BuildProvider(Settings([]), o =>
        {
            o.LocalStore = _root;
            o.Catalog = OfflineProviders.NamedCatalog(OfflineProviders.SimCatalogName);
        });
        var invoker = services.GetRequiredService<IModelInvoker>();
        var model = SimFleet.Default[0].Id;

        var first = await invoker.InvokeAsync(Ask(model), default);
        var second = await invoker.InvokeAsync(Ask(model), default);

        Assert.Equal((false, true), (first.Cached, second.Cached));
        Assert.True(first.CostUsd > 0m);
        Assert.Equal(first.CostUsd, second.CostUsd);
        // The simulated latency (a profile figure, far above the microseconds the simulator takes), kept by the cache.
        Assert.True(first.LatencyMs >= 10, $"latency {first.LatencyMs} ms is not the simulated one");
        Assert.Equal(first.LatencyMs, second.LatencyMs, 6);
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(_root, BlobLayout.CacheContainer)));
    }

    [Fact]
    public async Task AddArchon_TwoSimulatedModelsSamePrompt_AreSeparateCacheEntries()
    {
        await using var services = ArchonServices.BuildProvider(Settings([]), o =>
        {
            o.LocalStore = _root;
            o.Catalog = OfflineProviders.NamedCatalog(OfflineProviders.SimCatalogName);
        });
        var invoker = services.GetRequiredService<IModelInvoker>();

        await invoker.InvokeAsync(Ask(SimFleet.Default[0].Id), default);
        var other = await invoker.InvokeAsync(Ask(SimFleet.Default[1].Id), default);

        Assert.False(other.Cached);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
