using Archon.Core.Providers;
using Archon.Core.Search;

namespace Archon.Core.Tests.Search;

public sealed class CatalogRoutingSearchEnvironmentTests
{
    private static readonly ModelCatalog HostCatalog = new([new ModelEntry { Id = ModelCatalog.Wildcard, Provider = "loopback" }], "catalog/offline.json");


    private static (CatalogRoutingSearchEnvironment Routing, FakeSearchEnvironment Host, FakeSearchEnvironment Sim, FakeModel SimInvoker) Create()
    {
        var host = new FakeSearchEnvironment();
        var sim = new FakeSearchEnvironment();
        var simInvoker = new FakeModel();
        return (new CatalogRoutingSearchEnvironment(host, HostCatalog, sim, simInvoker), host, sim, simInvoker);
    }

    [Fact]
    public void Invoker_SimCatalog_IsTheSimulatedFleetsInvoker()
    {
        var (routing, _, _, simInvoker) = Create();

        Assert.Same(simInvoker, routing.Invoker(new SearchSpec { Catalog = "sim" }));
        Assert.Null(routing.Reject(new SearchSpec { Catalog = "sim" }));
    }

    [Theory]
    [InlineData("host")]
    [InlineData("catalog/offline.json")]
    [InlineData("offline.json")]
    public void Invoker_HostCatalog_IsTheHostDefault(string catalog)
    {
        var (routing, _, _, _) = Create();

        Assert.Null(routing.Invoker(new SearchSpec { Catalog = catalog }));
        Assert.Null(routing.Reject(new SearchSpec { Catalog = catalog }));
    }

    [Fact]
    public void Reject_OtherCatalog_NamesTheValidValues()
    {
        var (routing, _, _, _) = Create();

        var rule = routing.Reject(new SearchSpec { Catalog = "/etc/other.json" });

        Assert.NotNull(rule);
        Assert.Contains("\"sim\"", rule, StringComparison.Ordinal);
        Assert.Contains("\"host\"", rule, StringComparison.Ordinal);
        Assert.Throws<SearchSpecException>(() => routing.Models(new SearchSpec { Catalog = "/etc/other.json" }));
    }

    [Fact]
    public void Scorer_ItemFromTheSimEnvironment_IsScoredThere()
    {
        var (routing, _, sim, _) = Create();
        var item = routing.Items(new SearchSpec { Catalog = "sim", DevItems = 2 }, "dev")[0];

        Assert.Same(sim, routing.Scorer(item));
    }
}
