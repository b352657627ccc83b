using Archon.Core.Storage;
using Archon.Hosting.Storage;

namespace Archon.Hosting.Tests.Storage;

public sealed class FileResultStoreTests : ResultStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"archon-store-{Guid.NewGuid():N}");

    protected override IResultStore CreateStore() => new FileResultStore(_root);

    [Fact]
    public async Task PutBytesAsync_NestedName_WritesUnderContainerFolderWithoutTempFiles()
    {
        var store = CreateStore();

        await store.PutBytesAsync("archon-search", "s1/candidates/c1.json", "{}"u8.ToArray(), "application/json", default);

        var path = Path.Combine(_root, "archon-search", "s1", "candidates", "c1.json");
        Assert.True(File.Exists(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public async Task PutBytesAsync_FolderRemovedAfterAnEarlierWrite_MakesItAgainAndWrites()
    {
        var store = CreateStore();
        await store.PutBytesAsync("archon-traces", "i1/calls/a.json", "{}"u8.ToArray(), "application/json", default);
        Directory.Delete(Path.Combine(_root, "archon-traces", "i1"), recursive: true);

        await store.PutBytesAsync("archon-traces", "i1/calls/b.json", "[1]"u8.ToArray(), "application/json", default);

        Assert.Equal("[1]"u8.ToArray(), await store.GetBytesAsync("archon-traces", "i1/calls/b.json", default));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
