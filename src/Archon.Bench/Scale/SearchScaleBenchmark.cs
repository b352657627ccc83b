using System.Diagnostics;
using Archon.Core.Search;
using Archon.Core.Storage;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.Durable.Search;
using Archon.Hosting;
using Archon.LocalHost;
using Archon.Offline;
using Archon.Offline.Simulation;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Bench.Scale;

/// <summary>
/// `archon bench search-scale`: the durable search orchestration end to end at the paper's scale (default 100
/// candidates × 100 dev items) in the embedded Durable host, on the SIMULATED fleet (instant calls, so what is measured
/// is the machinery: orchestration, per-item activities, prefix reuse, the store), with a local file store so every
/// item run, cache entry and leaderboard lands on disk as in a real search. Host start-up is excluded.
/// </summary>
public static class SearchScaleBenchmark
{
    public static SearchSpec Spec(SearchScaleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SearchSpec
        {
            Name = "search-scale",
            Catalog = OfflineProviders.SimCatalogName,
            Benchmark = "generated-math",
            DevItems = options.Items,
            TestItems = options.TestItems,
            Algorithm = "random",
            Seed = options.Seed,
            MaxEvaluations = options.Candidates,
            MinEvaluations = options.Candidates,
            BatchSize = options.BatchSize,
            InitialPoints = Math.Min(options.BatchSize, options.Candidates),
            TopN = options.TopN,
            ItemParallelism = options.ItemParallelism,
            RankingEnsembles = 1,
            // Big enough for 1,000 distinct candidates, small enough that one query stays a few dozen calls.
            Space = new SearchSpaceSpec
            {
                Generators = [1, 2, 3, 4, 5], Samples = [1, 2], FusionLayers = [1, 2, 3], FusionWidths = [1, 2, 3, 4], MaxInitialCandidates = 10,
            },
        };
    }

    public static async Task<SearchScaleResult> RunAsync(SearchScaleOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var spec = Spec(options);
        var specJson = SearchSpecLoader.ToJson(spec);
        var catalog = OfflineProviders.NamedCatalog(OfflineProviders.SimCatalogName)!;
        var knowledge = new SimulatorKnowledge();
        var environment = new GeneratedMathEnvironment(catalog, knowledge, options.Items, options.TestItems, options.Seed);
        var root = Path.Combine(Path.GetTempPath(), $"archon-bench-scale-{Guid.NewGuid():N}");
        try
        {
            await using var host = await EmbeddedDurableHost.StartAsync(services =>
            {
                services.AddArchon(new ConfigurationBuilder().Build(), o =>
                {
                    o.LocalStore = root;
                    o.Catalog = catalog;
                    o.Knowledge = knowledge;
                    o.SimulatorSeed = spec.Seed;
                });
                services.AddSingleton<ISearchEnvironment>(environment);
                services.AddArchonSearch();
            }, cancellationToken: cancellationToken).ConfigureAwait(false);

            await using var memory = new PeakMemory();
            var clock = Stopwatch.StartNew();
            var searchId = "search-scale";
            await SearchStarter.StartAsync(host.Client, new SearchRequest(searchId, specJson), cancellationToken).ConfigureAwait(false);
            var done = await WaitAsync(host.Client, searchId, cancellationToken).ConfigureAwait(false);
            clock.Stop();
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<SearchOutcome>() is not { } outcome)
            {
                throw new InvalidOperationException($"search-scale: the search {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage ?? "no details"}");
            }

            var store = host.Services.GetRequiredService<IResultStore>();
            var leaderboard = await store.GetJsonAsync<Leaderboard>(BlobLayout.Leaderboard(searchId), cancellationToken).ConfigureAwait(false);
            var evaluated = leaderboard?.Candidates ?? outcome.Candidates;
            var seconds = clock.Elapsed.TotalSeconds;
            return new SearchScaleResult(
                evaluated,
                options.Items,
                Math.Round(seconds, 2),
                Math.Round(evaluated * (double)options.Items / seconds, 1),
                outcome.CallsMade,
                Math.Round(memory.PeakManagedMb, 1),
                Math.Round(PeakMemory.PeakRssMb(), 1),
                environment.Simulated(spec));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    // A search continues as new once per round under the same instance id: wait until the final execution is done.
    private static async Task<OrchestrationMetadata> WaitAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var meta = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
            if (meta.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
            {
                return meta;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }
}
