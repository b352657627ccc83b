using System.Collections.Concurrent;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Judging;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Search.Judging;
using Archon.Core.Providers;

namespace Archon.Core.Search;

/// <summary>
/// The <see cref="ISearchEnvironment"/> the hosts use: models from a model catalog (every non-wildcard entry, or the
/// spec's <c>models</c> list), items from <see cref="BenchmarkRegistry"/> split with <see cref="DatasetSplitter"/>
/// (dev = search split, test = held out) using the spec's data seed, and the benchmark's scorer. Items are registered
/// with the item sink (the SIMULATED fleet's knowledge) so simulated models can answer them. Per-spec results are memoised.
/// </summary>
/// <para>Judge-scored benchmarks need the spec's <c>judge</c> and a <paramref name="judges"/> factory from the host
/// (model id → its provider stack, metered and cached); MT-Bench is scored pairwise against the spec's <c>baseline</c>
/// model (both answer orders), or against the GPT-4 answers shipped with MT-Bench when no baseline is named.</para>
public sealed class CatalogSearchEnvironment(ModelCatalog catalog, IBenchmarkItemSink? knowledge, string? datasetDirectory = null,
    Func<string, Microsoft.Extensions.AI.IChatClient>? judges = null) : ISearchEnvironment
{
    private readonly ConcurrentDictionary<string, Lazy<(IReadOnlyList<BenchmarkItem> Dev, IReadOnlyList<BenchmarkItem> Test, IScorer Scorer)>> _benchmarks = new(StringComparer.Ordinal);

    public ModelCatalog Catalog => catalog;

    /// <summary>
    /// A spec's <c>catalog</c>: a name the host knows (<paramref name="named"/>; "sim" = the SIMULATED fleet's catalog)
    /// or a catalog file path (relative to <paramref name="baseDirectory"/>).
    /// </summary>
    public static ModelCatalog LoadCatalog(string name, string? baseDirectory, Func<string, ModelCatalog?>? named = null)
    {
        if (named?.Invoke(name) is { } known)
        {
            return known;
        }

        var path = Path.IsPathRooted(name) || baseDirectory is null ? name : Path.Combine(baseDirectory, name);
        if (!File.Exists(path) && File.Exists(name))
        {
            path = name;
        }

        return File.Exists(path) ? ModelCatalog.Load(path) : throw new SearchSpecException($"catalog: file '{name}' not found (use \"sim\" for the SIMULATED fleet)");
    }

    public IReadOnlyList<ModelProfile> Models(SearchSpec spec)
    {
        var ids = spec.Models ?? [.. catalog.Models.Select(m => m.Id).Where(id => id != ModelCatalog.Wildcard)];
        return [.. ids.Select(id => catalog.TryResolve(id, out var entry)
            ? new ModelProfile(id, 0, (double)entry.InputPricePerMillion, (double)entry.OutputPricePerMillion)
            : throw new SearchSpecException($"models: '{id}' is not in catalog {catalog.Source}"))];
    }

    public bool Simulated(SearchSpec spec) => SimulatedModels.All(catalog, Models(spec).Select(m => m.Id));

    public IReadOnlyList<BenchmarkItem> Items(SearchSpec spec, string split)
    {
        var b = Benchmark(spec);
        return split == "test" ? b.Test : b.Dev;
    }

    public IScorer Scorer(BenchmarkItem item) =>
        _benchmarks.Values.Select(v => v.Value).FirstOrDefault(b => b.Dev.Contains(item) || b.Test.Contains(item)).Scorer
        ?? throw new InvalidOperationException($"item '{item.Id}': no benchmark loaded for it");

    private Microsoft.Extensions.AI.IChatClient Judge(SearchSpec spec, string benchmark)
    {
        if (spec.Judge is not { Length: > 0 } id)
        {
            throw new SearchSpecException($"judge: benchmark '{benchmark}' is judge-scored; name a judge model (a catalog model id) in the spec's judge field");
        }

        return Client(id, "judge");
    }

    private Microsoft.Extensions.AI.IChatClient Client(string id, string field)
    {
        if (!catalog.TryResolve(id, out _))
        {
            throw new SearchSpecException($"{field}: '{id}' is not in catalog {catalog.Source}");
        }

        return judges?.Invoke(id) ?? throw new SearchSpecException($"{field}: this host cannot call judge models (no judge provider stack configured)");
    }

    private (IReadOnlyList<BenchmarkItem> Dev, IReadOnlyList<BenchmarkItem> Test, IScorer Scorer) Benchmark(SearchSpec spec)
    {
        var key = $"{spec.Benchmark}|{spec.DataSeed}|{spec.DevItems}|{spec.TestItems}";
        return _benchmarks.GetOrAdd(key, _ => new(() =>
        {
            BenchmarkDefinition definition;
            try
            {
                definition = BenchmarkRegistry.Resolve(spec.Benchmark);
            }
            catch (ArgumentException e)
            {
                throw new SearchSpecException($"benchmark: {e.Message}");
            }

            var judge = definition.NeedsJudge ? Judge(spec, definition.Name) : null;
            var datasets = definition.NeedsDatasets ? DatasetDirectory.Resolve(datasetDirectory) : null;
            var (dev, test) = DatasetSplitter.Split(definition.Load(datasets, spec.DataSeed), spec.DataSeed);
            var devItems = dev.Take(spec.DevItems).ToList();
            var testItems = test.Take(spec.TestItems).ToList();
            knowledge?.Register(devItems.Concat(testItems));
            var scorer = definition.Name == MtBenchLoader.Name && judge is not null
                ? (spec.Baseline is { } baseline
                    ? new BaselinePairwiseScorer(judge, JudgePromptFiles.LoadMtBench(datasets!), Client(baseline, "baseline"))
                    : new MtBenchPairwiseScorer(judge, JudgePromptFiles.LoadMtBench(datasets!)))
                : definition.CreateScorer(new BenchmarkScorerContext(datasets, judge, spec.Seed));
            return (devItems, testItems, scorer);
        })).Value;
    }
}
