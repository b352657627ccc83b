using Archon.Offline;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Providers;
using Archon.Core.Search;
using Archon.Offline.Simulation;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Hosting.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class DatasetMirrorRegistrationTests(AzuriteFixture azurite)
{
    private static readonly ModelCatalog Catalog = CatalogSearchEnvironment.LoadCatalog("sim", null, OfflineProviders.NamedCatalog);

    private static SearchSpec Spec(string benchmark) => new SearchSpec { Name = "t", Catalog = "sim", Benchmark = benchmark } with { DevItems = 2, TestItems = 1 };

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void CreateSearchEnvironment_LocationWithoutBlobStorage_BuiltinRunsAndGsm8kNamesTheSetting()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var environment = DatasetMirrorRegistration.CreateSearchEnvironment(
            services, Config((BlobDatasetMirror.LocationSetting, "archon-search/datasets")), Catalog, new SimulatorKnowledge());

        var builtin = environment.Items(Spec("builtin"), "dev");
        var e = Assert.Throws<DatasetNotFoundException>(() => environment.Items(Spec("gsm8k"), "dev"));

        Assert.Equal(2, builtin.Count);
        Assert.Contains("ARCHON_DATASET_LOCATION 'archon-search/datasets' needs Blob Storage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSearchEnvironment_LocationInAzurite_Gsm8kItemsComeFromTheMirror()
    {
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var container = $"ds{Guid.NewGuid():N}";
        var client = blobs.GetBlobContainerClient(container);
        await client.CreateAsync();
        var lines = string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            $$"""{"question": "Mirror question {{i}}?", "answer": "so\n#### {{i}}"}"""));
        await client.UploadBlobAsync("data/gsm8k/test.jsonl", BinaryData.FromString(lines));
        using var services = new ServiceCollection().AddSingleton(blobs).BuildServiceProvider();
        var environment = DatasetMirrorRegistration.CreateSearchEnvironment(
            services, Config((BlobDatasetMirror.LocationSetting, $"{container}/data")), Catalog, new SimulatorKnowledge());

        var spec = Spec("gsm8k") with { DevItems = 5, TestItems = 5 };
        var items = environment.Items(spec, "dev").Concat(environment.Items(spec, "test")).ToList();

        Assert.Equal(["Mirror question 1?", "Mirror question 2?", "Mirror question 3?"], items.Select(i => i.Turns[0]).Order());
    }

    [Fact]
    public void CreateSearchEnvironment_LocalDirSet_WinsOverLocation()
    {
        var dir = Directory.CreateTempSubdirectory("archon-local-ds-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "gsm8k"));
        File.WriteAllText(Path.Combine(dir, "gsm8k", "test.jsonl"), """{"question": "Local?", "answer": "#### 7"}""");
        using var services = new ServiceCollection().BuildServiceProvider();
        var environment = DatasetMirrorRegistration.CreateSearchEnvironment(services,
            Config((DatasetDirectory.EnvironmentVariable, dir), (BlobDatasetMirror.LocationSetting, "no-such-container/x")), Catalog, new SimulatorKnowledge());

        var items = environment.Items(Spec("gsm8k"), "test");

        Assert.Equal("Local?", Assert.Single(items).Turns[0]);
        Directory.Delete(dir, recursive: true);
    }
}
