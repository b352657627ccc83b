using Archon.Core.Evaluation;
using Archon.Core.Search;
using Archon.Core.Storage;
using Archon.Offline.Simulation;

namespace Archon.Bench.Search;

/// <summary>
/// <c>archon bench search --landscape engine</c>: loads the engine landscape of <see cref="EngineLandscapeSpace"/> from
/// the store, or builds it (<see cref="EngineLandscapeBuilder"/>) and stores it; then runs each algorithm over the seeds
/// against it (<see cref="SearchBenchmark"/>).
/// </summary>
public sealed class EngineSearchBench(IResultStore store, int items, int parallelism)
{
    public event Action<int, int>? ItemFinished;

    public event Action<string, int>? SeedFinished;

    /// <summary>True when the landscape came from the store rather than being built by this run.</summary>
    public bool Reused { get; private set; }

    public string? StoredAs { get; private set; }

    public async Task<EngineLandscape> LandscapeAsync(bool rebuild, CancellationToken cancellationToken)
    {
        var fleet = SimFleet.Default;
        var space = EngineLandscapeSpace.Create(fleet);
        var benchmarkItems = EngineLandscapeSpace.Items(items);
        var key = EngineLandscapeStore.Key(fleet, 0, space, benchmarkItems);
        StoredAs = $"{store.Location}/{EngineLandscapeStore.Container}/{EngineLandscapeStore.Name(key)}";
        var data = rebuild ? null : await EngineLandscapeStore.LoadAsync(store, key, cancellationToken);
        Reused = data is not null;
        if (data is null)
        {
            var builder = new EngineLandscapeBuilder(space, benchmarkItems) { Parallelism = parallelism };
            builder.ItemFinished += done => ItemFinished?.Invoke(done, benchmarkItems.Count);
            var scorer = BenchmarkRegistry.Resolve(Core.Evaluation.Datasets.BuiltinBenchmark.Name).CreateScorer(new BenchmarkScorerContext(null, null, 0));
            data = await builder.BuildAsync(scorer, cancellationToken);
            await EngineLandscapeStore.SaveAsync(store, key, data, cancellationToken);
        }

        return new EngineLandscape(space, data);
    }

    public EngineBenchResult Run(EngineLandscape landscape, IReadOnlyList<string> algorithms, int seeds, SearchAlgorithmOptions options)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        var bench = new SearchBenchmark(landscape, options);
        bench.SeedFinished += (name, seed) => SeedFinished?.Invoke(name, seed);
        var result = bench.Run(algorithms, seeds);
        Details = result;
        return new EngineBenchResult("engine", landscape.Space.Count, landscape.ItemCount, seeds, true, Math.Round(landscape.BestScore, 3),
            [.. result.Algorithms.Select(a => new EngineAlgorithmResult(a.Name, a.SuccessRate, Math.Round(a.MedianEvaluations, 3)))],
            landscape.Data.CallsWithoutReuse, landscape.Data.CallsWithReuse, Math.Round(landscape.Data.Seconds, 1));
    }

    /// <summary>The full per-algorithm figures of the last <see cref="Run"/> (gaps, search-time calls), for the table.</summary>
    public SearchBenchResult? Details { get; private set; }
}
