using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Archon.Offline;
using Archon.Offline.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Hosting.Tests;

/// <summary>The composition root against a real Blob endpoint (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ArchonServicesBlobTests(AzuriteFixture azurite)
{
    private static IConfiguration Settings(Dictionary<string, string?> values) => ArchonServicesTests.Settings(values);

    [Fact]
    public void AddArchon_BlobSettings_SelectsBlobStorageLikeServe()
    {
        using var services = ArchonServices.BuildProvider(Settings(new() { ["ArchonStorage:ConnectionString"] = azurite.ConnectionString }),
            o => o.Catalog = OfflineProviders.NamedCatalog(OfflineProviders.SimCatalogName));

        Assert.IsType<BlobResultStore>(services.GetRequiredService<IResultStore>());
    }
}
