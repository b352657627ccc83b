using Archon.Core.Architecture;
using Archon.Durable.Architectures;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Azure.Storage.Blobs;

namespace Archon.Durable.Tests.Architectures;

public sealed class FolderArchitectureCatalogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("archon-archs-").FullName;

    [Fact]
    public async Task Constructor_ValidAndBrokenFiles_ServesValidByNameAndFileAndReportsBroken()
    {
        File.WriteAllText(Path.Combine(_dir, "one.json"), ArchitectureLoader.ToJson(TestArchitectures.SingleGenerator("solo-by-name")));
        File.WriteAllText(Path.Combine(_dir, "broken.json"), "{ not json");

        var catalog = new FolderArchitectureCatalog(_dir);

        Assert.Equal(["solo-by-name"], await catalog.ListAsync(default));
        Assert.NotNull(await catalog.FindAsync("solo-by-name", default));
        Assert.NotNull(await catalog.FindAsync("one", default));
        Assert.Null(await catalog.FindAsync("broken", default));
        Assert.Contains("broken.json", Assert.Single(catalog.Skipped));
    }

    [Fact]
    public async Task FindAsync_FileAddedAfterStart_IsServedWithItsWriteTimeWithoutARestart()
    {
        var catalog = new FolderArchitectureCatalog(_dir);
        Assert.Empty(await catalog.ListAsync(default));
        var path = Path.Combine(_dir, "later.json");
        File.WriteAllText(path, ArchitectureLoader.ToJson(TestArchitectures.SingleGenerator("later")));
        var written = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
        File.SetLastWriteTimeUtc(path, written.UtcDateTime);

        Assert.Equal(["later"], await catalog.ListAsync(default));
        Assert.NotNull(await catalog.FindAsync("later", default));
        Assert.Equal(written, await catalog.CreatedAsync("later", default));
    }

    [Fact]
    public void Constructor_MissingFolder_ThrowsNamingTheFolder()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => new FolderArchitectureCatalog(Path.Combine(_dir, "nope")));

        Assert.Contains("nope", error.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

[Collection(AzuriteCollection.Name)]
public sealed class StoreArchitectureCatalogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PutAsync_ThenFindAndList_RoundTripsThroughBlobStorage()
    {
        var store = new BlobResultStore(new BlobServiceClient(azurite.ConnectionString));
        var catalog = new StoreArchitectureCatalog(store);
        var name = $"arch-{Guid.NewGuid():N}";

        await catalog.PutAsync(TestArchitectures.EightGeneratorsCriticRankerFuser(name), default);
        var found = await catalog.FindAsync(name, default);

        Assert.NotNull(found);
        Assert.Equal(4, found.Layers.Count);
        Assert.Equal(8, found.Layers[0].Components.Count);
        Assert.Contains(name, await catalog.ListAsync(default));
        Assert.Null(await catalog.FindAsync("never-registered", default));
    }
}
