using Archon.Core.Storage;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Providers;
using Archon.Core.Search;
using Archon.Offline.Simulation;

namespace Archon.Hosting.Storage;

/// <summary>
/// The catalog search environment with benchmark data mirrored from Blob Storage on first use. Benchmarks that need no
/// files (builtin) never touch the mirror, so a fresh deployment with an empty dataset location still runs them; a
/// dataset benchmark fails with the mirror's message naming the container and prefix. A failed mirror is retried on
/// the next search (data may have been uploaded since).
/// </summary>
internal sealed class MirroredDatasetSearchEnvironment(
    ModelCatalog catalog, SimulatorKnowledge knowledge, Func<string, Microsoft.Extensions.AI.IChatClient>? judges, Func<string> mirror) : ISearchEnvironment
{
    private readonly CatalogSearchEnvironment _withoutFiles = new(catalog, knowledge, null, judges);
    private readonly Lazy<CatalogSearchEnvironment> _withFiles =
        new(() => new CatalogSearchEnvironment(catalog, knowledge, mirror(), judges), LazyThreadSafetyMode.PublicationOnly);

    public IReadOnlyList<ModelProfile> Models(SearchSpec spec) => _withoutFiles.Models(spec);

    public IReadOnlyList<BenchmarkItem> Items(SearchSpec spec, string split) =>
        For(spec.Benchmark).Items(spec, split);

    public IScorer Scorer(BenchmarkItem item) => For(item.Benchmark).Scorer(item);

    public bool Simulated(SearchSpec spec) => _withoutFiles.Simulated(spec);

    private CatalogSearchEnvironment For(string benchmark)
    {
        bool needsFiles;
        try
        {
            needsFiles = BenchmarkRegistry.Resolve(benchmark).NeedsDatasets;
        }
        catch (ArgumentException)
        {
            needsFiles = false; // let the catalog environment report the unknown benchmark in its own words
        }

        return needsFiles ? _withFiles.Value : _withoutFiles;
    }
}
