using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Providers;
using Archon.Core.Search;

namespace Archon.Bench.Scale;

/// <summary>
/// The search-scale bench's environment: the SIMULATED fleet's catalog for models, and as many generated arithmetic
/// word problems (the built-in benchmark's math family, exact-number scoring) as the bench asks for; the built-in
/// benchmark has only 100 items in all, and its code family would measure the sandbox rather than the search. Items
/// are registered with the simulator's knowledge so the simulated models can answer them.
/// </summary>
public sealed class GeneratedMathEnvironment : ISearchEnvironment
{
    private readonly CatalogSearchEnvironment _models;
    private readonly IReadOnlyList<BenchmarkItem> _dev;
    private readonly IReadOnlyList<BenchmarkItem> _test;
    private readonly Gsm8kScorer _scorer = new();

    public GeneratedMathEnvironment(ModelCatalog catalog, IBenchmarkItemSink knowledge, int devItems, int testItems, int seed)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _models = new CatalogSearchEnvironment(catalog, knowledge);
        var items = BuiltinBenchmark.Generate(seed, devItems + testItems, codeCount: 0);
        _dev = [.. items.Take(devItems)];
        _test = [.. items.Skip(devItems)];
        knowledge.Register(items);
    }

    public IReadOnlyList<ModelProfile> Models(SearchSpec spec) => _models.Models(spec);

    public IReadOnlyList<BenchmarkItem> Items(SearchSpec spec, string split) => split == "test" ? _test : _dev;

    public IScorer Scorer(BenchmarkItem item) => _scorer;

    public bool Simulated(SearchSpec spec) => _models.Simulated(spec);
}
