using Archon.Durable.Architectures;

namespace Archon.Durable.Tests.Architectures;

public sealed class CompositeArchitectureCatalogTests
{
    [Fact]
    public async Task FindAsync_NameInBoth_FirstCatalogWinsAndListIsTheUnion()
    {
        var first = new InMemoryArchitectureCatalog([TestArchitectures.SingleGenerator("shared"), TestArchitectures.SingleGenerator("only-first")]);
        var second = new InMemoryArchitectureCatalog([TestArchitectures.EightGeneratorsCriticRankerFuser("shared"), TestArchitectures.SingleGenerator("only-second")]);
        var catalog = new CompositeArchitectureCatalog(first, second);

        var shared = await catalog.FindAsync("shared", default);

        Assert.Single(shared!.Layers);
        Assert.NotNull(await catalog.FindAsync("only-second", default));
        Assert.Null(await catalog.FindAsync("nowhere", default));
        Assert.Equal(["only-first", "only-second", "shared"], await catalog.ListAsync(default));
    }
}
