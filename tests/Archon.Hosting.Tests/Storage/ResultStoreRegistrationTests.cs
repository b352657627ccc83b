using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archon.Hosting.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class ResultStoreRegistrationTests(AzuriteFixture azurite)
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddArchonResultStore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    [Fact]
    public async Task AddArchonResultStore_ConnectionString_RegistersBlobStoreThroughAzureClients()
    {
        using var services = Build(new() { ["ArchonStorage:ConnectionString"] = azurite.ConnectionString });

        var store = services.GetRequiredService<IResultStore>();
        await store.PutJsonAsync(BlobLayout.Leaderboard("reg-test"), new { best = 1 }, default);

        Assert.IsType<BlobResultStore>(store);
        Assert.True(await store.ExistsAsync(BlobLayout.Leaderboard("reg-test"), default));
    }

    [Fact]
    public void AddArchonResultStore_NoSettings_UsesLocalFolder()
    {
        using var services = Build(new() { ["ArchonStorage:LocalRoot"] = Path.Combine(Path.GetTempPath(), "archon-reg") });

        Assert.IsType<FileResultStore>(services.GetRequiredService<IResultStore>());
    }

    [Theory]
    [InlineData("Kind", "cloud", "ArchonStorage:Kind 'cloud': must be auto, blob or file")]
    [InlineData("ServiceUri", "not a uri", "ArchonStorage:ServiceUri: an absolute blob endpoint URI")]
    public void AddArchonResultStore_InvalidSetting_OptionsValidationNamesTheSetting(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [$"ArchonStorage:{key}"] = value };
        if (key == "ServiceUri")
        {
            settings["ArchonStorage:Kind"] = "blob";
        }

        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ResultStoreOptions>>().Value);
        Assert.Contains(expected, error.Message);
    }
}
