using System.Collections.Concurrent;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Execution;
using Archon.Core.Providers;

namespace Archon.Core.Search;

/// <summary>
/// A server's search environment: a spec's <c>catalog</c> picks the models. <c>"sim"</c> is always the SIMULATED
/// fleet (run by <paramref name="simInvoker"/>); <see cref="HostCatalogName"/> (or the file name of the host's own
/// catalog) is the host's catalog with its provider stack. Any other value is rejected, so a spec never silently runs
/// on models it did not name. Servers do not read catalog files named by a request.
/// </summary>
public sealed class CatalogRoutingSearchEnvironment(
    ISearchEnvironment host, ModelCatalog hostCatalog, ISearchEnvironment sim, IModelInvoker simInvoker)
    : ISearchEnvironment, ISearchInvokerSource, ISearchCatalogPolicy
{
    public const string HostCatalogName = "host";

    private readonly ConcurrentDictionary<BenchmarkItem, ISearchEnvironment> _owners = new(ReferenceEqualityComparer.Instance);

    public string? Reject(SearchSpec spec) => Route(spec) is null
        ? $"'{spec.Catalog}' is not served here: use \"{SimCatalog}\" (the SIMULATED fleet) or \"{HostCatalogName}\" (this host's catalog {hostCatalog.Source})"
        : null;

    public IReadOnlyList<ModelProfile> Models(SearchSpec spec) => Routed(spec).Models(spec);

    public IReadOnlyList<BenchmarkItem> Items(SearchSpec spec, string split)
    {
        var environment = Routed(spec);
        var items = environment.Items(spec, split);
        foreach (var item in items)
        {
            _owners.TryAdd(item, environment);
        }

        return items;
    }

    public IScorer Scorer(BenchmarkItem item) =>
        (_owners.TryGetValue(item, out var owner) ? owner : host).Scorer(item);

    public bool Simulated(SearchSpec spec) => Routed(spec).Simulated(spec);

    public IModelInvoker? Invoker(SearchSpec spec) => ReferenceEquals(Route(spec), sim) ? simInvoker : null;

    private const string SimCatalog = SimulatedModels.Provider;

    private ISearchEnvironment? Route(SearchSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.Equals(spec.Catalog, SimCatalog, StringComparison.Ordinal))
        {
            return sim;
        }

        var own = Path.GetFileName(hostCatalog.Source);
        return string.Equals(spec.Catalog, HostCatalogName, StringComparison.Ordinal)
            || (own.Length > 0 && string.Equals(Path.GetFileName(spec.Catalog), own, StringComparison.Ordinal)) ? host : null;
    }

    private ISearchEnvironment Routed(SearchSpec spec) => Route(spec) ?? throw new SearchSpecException($"catalog: {Reject(spec)}");
}
