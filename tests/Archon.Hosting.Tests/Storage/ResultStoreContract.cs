using System.Text;
using Archon.Core.Storage;
using Archon.Hosting.Storage;

namespace Archon.Hosting.Tests.Storage;

/// <summary>The behaviour every <see cref="IResultStore"/> must have; run against Azurite and the file store.</summary>
public abstract class ResultStoreContract
{
    protected abstract IResultStore CreateStore();

    private static string Container() => $"t{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task PutBytesAsync_SameNameTwice_OverwritesAndListsOnce()
    {
        var store = CreateStore();
        var container = Container();
        await store.PutBytesAsync(container, "runs/a.json", Encoding.UTF8.GetBytes("first"), "application/json", default);
        await store.PutBytesAsync(container, "runs/a.json", Encoding.UTF8.GetBytes("second"), "application/json", default);

        var bytes = await store.GetBytesAsync(container, "runs/a.json", default);
        var names = await store.ListAsync(container, "runs/", default);

        Assert.Equal("second", Encoding.UTF8.GetString(bytes!));
        Assert.Equal(["runs/a.json"], names);
    }

    [Fact]
    public async Task GetBytesAsync_MissingBlobOrContainer_ReturnsNull()
    {
        var store = CreateStore();
        var container = Container();

        Assert.Null(await store.GetBytesAsync(container, "nothing.json", default));
        Assert.False(await store.ExistsAsync(container, "nothing.json", default));
        Assert.Empty(await store.ListAsync(container, "", default));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsOnlyMatchingNamesInOrdinalOrder()
    {
        var store = CreateStore();
        var container = Container();
        foreach (var name in new[] { "s1/candidates/b.json", "s1/candidates/a.json", "s1/leaderboard.json", "s2/candidates/c.json" })
        {
            await store.PutBytesAsync(container, name, "{}"u8.ToArray(), "application/json", default);
        }

        var names = await store.ListAsync(container, BlobLayout.SearchCandidatesPrefix("s1"), default);

        Assert.Equal(["s1/candidates/a.json", "s1/candidates/b.json"], names);
        Assert.True(await store.ExistsAsync(container, "s1/leaderboard.json", default));
    }

    [Fact]
    public async Task PutJsonAsync_Record_RoundTripsThroughStore()
    {
        var store = CreateStore();
        var target = new BlobRef(Container(), "doc.json");
        var value = new StoredSample("trace", 3, [1.5, 2.5]);

        await store.PutJsonAsync(target, value, default);
        var back = await store.GetJsonAsync<StoredSample>(target, default);

        Assert.NotNull(back);
        Assert.Equal(value.Name, back.Name);
        Assert.Equal(value.Count, back.Count);
        Assert.Equal(value.Scores, back.Scores);
    }

    [Theory]
    [InlineData("UPPER", "a.json")]
    [InlineData("ok-container", "../escape.json")]
    [InlineData("ok-container", "a//b.json")]
    public async Task PutBytesAsync_InvalidContainerOrName_ThrowsNamingTheRule(string container, string name)
    {
        var store = CreateStore();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.PutBytesAsync(container, name, "{}"u8.ToArray(), "application/json", default));

        Assert.Contains("must", error.Message, StringComparison.Ordinal);
    }

    public sealed record StoredSample(string Name, int Count, IReadOnlyList<double> Scores);
}
