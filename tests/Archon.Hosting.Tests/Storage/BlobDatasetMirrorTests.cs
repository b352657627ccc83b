using System.Text;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Azure.Storage.Blobs;

namespace Archon.Hosting.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobDatasetMirrorTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"archon-mirror-test-{Guid.NewGuid():N}");
    private readonly string _container = $"ds{Guid.NewGuid():N}";

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public async Task MirrorAsync_UploadedGsm8k_LoadsWithTheGsm8kLoaderAndSecondCallDownloadsNothing()
    {
        var service = new BlobServiceClient(azurite.ConnectionString);
        var container = service.GetBlobContainerClient(_container);
        await container.CreateAsync();
        var lines = string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            $$"""{"question": "What is {{i}} + {{i}}?", "answer": "{{i}} + {{i}} = {{2 * i}}\n#### {{2 * i}}"}"""));
        await container.UploadBlobAsync("datasets/gsm8k/test.jsonl", BinaryData.FromString(lines));
        await container.UploadBlobAsync("other/ignored.txt", BinaryData.FromString("not part of the prefix"));
        var mirror = new BlobDatasetMirror(service, _cache);

        var first = await mirror.MirrorAsync($"{_container}/datasets");
        var items = Gsm8kLoader.Load(new DatasetDirectory(first.Directory));
        var second = await mirror.MirrorAsync($"{_container}/datasets/");

        Assert.Equal((1, 1), (first.BlobCount, first.Downloaded));
        Assert.Equal(["2", "4", "6"], items.Select(i => i.Reference));
        Assert.False(File.Exists(Path.Combine(first.Directory, "other", "ignored.txt")));
        Assert.Equal((first.Directory, 1, 0), (second.Directory, second.BlobCount, second.Downloaded));
    }

    [Fact]
    public async Task MirrorAsync_ChangedBlob_DownloadsItAgain()
    {
        var service = new BlobServiceClient(azurite.ConnectionString);
        var container = service.GetBlobContainerClient(_container);
        await container.CreateAsync();
        var blob = container.GetBlobClient("d/gsm8k/test.jsonl");
        await blob.UploadAsync(BinaryData.FromString("old"));
        var mirror = new BlobDatasetMirror(service, _cache);
        await mirror.MirrorAsync($"{_container}/d");

        await blob.UploadAsync(BinaryData.FromString("new"), overwrite: true);
        var again = await mirror.MirrorAsync($"{_container}/d");

        Assert.Equal(1, again.Downloaded);
        Assert.Equal("new", await File.ReadAllTextAsync(Path.Combine(again.Directory, "gsm8k", "test.jsonl"), Encoding.UTF8));
    }

    [Fact]
    public async Task MirrorAsync_EmptyPrefix_ThrowsNamingContainerAndPrefix()
    {
        var service = new BlobServiceClient(azurite.ConnectionString);
        await service.GetBlobContainerClient(_container).CreateAsync();

        var e = await Assert.ThrowsAsync<DatasetNotFoundException>(() => new BlobDatasetMirror(service, _cache).MirrorAsync($"{_container}/missing"));

        Assert.Contains($"container '{_container}', prefix 'missing'", e.Message, StringComparison.Ordinal);
        Assert.Contains("no blobs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MirrorAsync_MissingContainer_ThrowsNamingIt()
    {
        var service = new BlobServiceClient(azurite.ConnectionString);

        var e = await Assert.ThrowsAsync<DatasetNotFoundException>(() => new BlobDatasetMirror(service, _cache).MirrorAsync($"{_container}/datasets"));

        Assert.Contains($"container '{_container}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://acct.blob.core.windows.net/archon-search/datasets")]
    public void ParseLocation_NotContainerSlashPrefix_ThrowsNamingTheSetting(string location)
    {
        var e = Assert.Throws<DatasetNotFoundException>(() => BlobDatasetMirror.ParseLocation(location));

        Assert.Contains(BlobDatasetMirror.LocationSetting, e.Message, StringComparison.Ordinal);
    }
}
