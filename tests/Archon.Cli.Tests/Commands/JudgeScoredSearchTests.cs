using Archon.Core.Search;
using Archon.Core.Storage;

namespace Archon.Cli.Tests.Commands;

/// <summary>A judge-scored search (MT-Bench pairwise vs a baseline model) end to end through `archon search`, i.e. the
/// embedded Durable host, with the SIMULATED fleet as candidates, judge and baseline.</summary>
[Collection(nameof(SearchCommandTests))]
public sealed class JudgeScoredSearchTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"archon-judge-search-{Guid.NewGuid():N}");

    private const string Spec = """
        {
          "name": "mt", "catalog": "sim", "benchmark": "mt_bench", "judge": "sim-large-70b", "baseline": "sim-base-8b",
          "dev_items": 4, "test_items": 2, "algorithm": "random", "seed": 2, "max_evaluations": 2, "min_evaluations": 2,
          "batch_size": 2, "initial_points": 2, "top_n": 1, "item_parallelism": 4, "ranking_ensembles": 1, "ranking_ensemble_size": 3,
          "models": ["sim-base-8b", "sim-mid-32b", "sim-large-70b"],
          "space": { "generators": [1, 2], "samples": [1], "fusion_layers": [1], "pre_fuser": ["none"], "evaluation": ["none"] }
        }
        """;

    private static async Task<int> Run(params string[] args)
    {
        var result = await ArchonCli.RunAsync(args);
        Assert.True(result.Exit == 0, result.ToString());
        return result.Exit;
    }

    [Fact]
    public async Task Search_MtBenchWithSimulatedJudge_ScoresCandidatesSplitsCostAndCachesJudgeCalls()
    {
        Directory.CreateDirectory(_root);
        var spec = Path.Combine(_root, "mt.json");
        await File.WriteAllTextAsync(spec, Spec);
        var storeDir = Path.Combine(_root, "store");
        var store = new FileResultStore(storeDir);

        Assert.Equal(0, await Run("search", spec, "--id", "mt-1", "--store", storeDir, "--dataset-dir", TestPaths.DatasetsDir, "--json"));
        var first = (await store.GetJsonAsync<Leaderboard>(BlobLayout.Leaderboard("mt-1"), default))!;

        Assert.NotEmpty(first.Entries);
        Assert.True(first.JudgeCallsMade > 0, "the judge scored the candidates");
        Assert.True(first.JudgeCostUsd > 0, "judge dollars are counted");
        Assert.True(first.CandidateCostUsd > 0, "candidate dollars are counted apart");
        var candidates = await store.ListAsync(BlobLayout.SearchContainer, BlobLayout.SearchCandidatesPrefix("mt-1"), default);
        foreach (var name in candidates)
        {
            var result = (await store.GetJsonAsync<CandidateResult>(new BlobRef(BlobLayout.SearchContainer, name), default))!;
            Assert.Contains(result.ItemScores, s => s.Scored);
            // Per scored item: the baseline model's answer, then two judge games (both answer orders).
            Assert.Equal(3 * result.ItemScores.Count(s => s.Scored), result.JudgeCallsMade + result.JudgeCallsCached);
        }

        // A second search over the same store re-scores every candidate: every judge call is served from the cache.
        Assert.Equal(0, await Run("search", spec, "--id", "mt-2", "--store", storeDir, "--dataset-dir", TestPaths.DatasetsDir, "--json"));
        var second = (await store.GetJsonAsync<Leaderboard>(BlobLayout.Leaderboard("mt-2"), default))!;

        Assert.Equal(0, second.JudgeCallsMade);
        Assert.True(second.JudgeCallsCached > 0);
        Assert.Equal(0, second.JudgeCostUsd);
        Assert.Equal(first.Entries.Select(e => (e.PointKey, e.Score)), second.Entries.Select(e => (e.PointKey, e.Score)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
