using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Azure.Storage.Blobs;

namespace Archon.Hosting.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobResultStoreTests(AzuriteFixture azurite) : ResultStoreContract
{
    protected override IResultStore CreateStore() => new BlobResultStore(new BlobServiceClient(azurite.ConnectionString));

    [Fact]
    public void Location_Azurite_IsTheLoopbackBlobEndpoint()
    {
        var store = CreateStore();

        Assert.Contains($"127.0.0.1:{azurite.BlobPort}", store.Location, StringComparison.Ordinal);
    }
}
