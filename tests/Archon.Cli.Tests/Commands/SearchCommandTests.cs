using System.Text.Json;
using Archon.Core.Architecture;

namespace Archon.Cli.Tests.Commands;

/// <summary>The search test keeps both cores busy for seconds; it runs alone so timing-sensitive tests elsewhere are not starved.</summary>
[CollectionDefinition(nameof(SearchCommandTests), DisableParallelization = true)]
public sealed class SearchCommandCollection;

[Collection(nameof(SearchCommandTests))]
public sealed class SearchCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"archon-cli-search-{Guid.NewGuid():N}");

    private const string TinySpec = """
        {
          "name": "tiny", "catalog": "sim", "benchmark": "builtin", "dev_items": 6, "test_items": 4,
          "algorithm": "bo", "seed": 2, "max_evaluations": 5, "min_evaluations": 5, "batch_size": 3, "initial_points": 3,
          "top_n": 1, "item_parallelism": 6, "ranking_ensembles": 1,
          "space": { "generators": [1, 3], "samples": [1, 2], "fusion_layers": [1, 2], "fusers": [2, 3],
                     "pre_fuser": ["none", "ranker"], "evaluation": ["none"] }
        }
        """;

    private static async Task<int> Run(params string[] args) => (await ArchonCli.RunAsync(args)).Exit;

    [Fact]
    public async Task Search_TinySpecOnSimFleet_WritesBestArchitectureAndReportThatReportReRenders()
    {
        Directory.CreateDirectory(_root);
        var spec = Path.Combine(_root, "tiny.json");
        await File.WriteAllTextAsync(spec, TinySpec);
        var store = Path.Combine(_root, "store");

        Assert.Equal(0, await Run("search", spec, "--id", "tiny", "--store", store, "--json"));

        var dir = Path.Combine(store, "archon-search", "tiny");
        var best = ArchitectureLoader.Load(Path.Combine(dir, "best-architecture.json"));
        Assert.True(best.Succeeded, string.Join("; ", best.Errors));
        Assert.True(File.Exists(Path.Combine(dir, "report", "report.html")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "candidates")));

        var reRendered = Path.Combine(_root, "again");
        Assert.Equal(0, await Run("report", dir, "--out", reRendered));
        Assert.Contains("SIMULATED", await File.ReadAllTextAsync(Path.Combine(reRendered, "report.html")));
        Assert.True(File.Exists(Path.Combine(reRendered, "score-vs-cost.png")));
    }

    [Fact]
    public async Task Search_FinalLayersWithSamplePlugin_EveryCandidateEndsWithTheCustomComponent()
    {
        Directory.CreateDirectory(_root);
        var spec = Path.Combine(_root, "vote.json");
        await File.WriteAllTextAsync(spec, TinySpec.Replace("\"name\": \"tiny\",", "\"name\": \"vote\", \"final_layers\": [[{\"type\": \"majority_vote\", \"min_votes\": 1}]],", StringComparison.Ordinal));
        var store = Path.Combine(_root, "store");
        var plugin = Path.Combine(AppContext.BaseDirectory, "MajorityVote.dll");

        var without = await ArchonCli.RunAsync("search", spec, "--id", "vote", "--store", store);
        var with = await ArchonCli.RunAsync("search", spec, "--id", "vote", "--store", store, "--json", "--components", plugin);

        Assert.Equal(2, without.Exit);
        Assert.Contains("final_layers: layer 0, component 0: [unknown-type] unknown component type \"majority_vote\"", Assert.Single(without.ErrorLines), StringComparison.Ordinal);
        Assert.True(with.Exit == 0, with.ToString());
        var dir = Path.Combine(store, "archon-search", "vote");
        using var best = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "best-architecture.json")));
        var layers = best.RootElement.GetProperty("layers");
        Assert.Equal("majority_vote", layers[layers.GetArrayLength() - 1][0].GetProperty("type").GetString());
        var leaderboard = await File.ReadAllTextAsync(Path.Combine(dir, "leaderboard.json"));
        Assert.Contains($"\"{Archon.Core.Prompts.PromptPack.Default.Id}\"", leaderboard, StringComparison.Ordinal);
        Assert.Contains($"prompts <b>{Archon.Core.Prompts.PromptPack.Default.Id}</b>", await File.ReadAllTextAsync(Path.Combine(dir, "report", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_BadSpec_ExitsTwoWithoutStackTrace()
    {
        Directory.CreateDirectory(_root);
        var spec = Path.Combine(_root, "bad.json");
        await File.WriteAllTextAsync(spec, """{ "benchmark": "nope" }""");
        var result = await ArchonCli.RunAsync("search", spec, "--store", Path.Combine(_root, "store"));

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: benchmark: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_MissingFolder_ExitsTwo()
    {
        Assert.Equal(2, await Run("report", Path.Combine(_root, "missing")));
    }

    [Fact]
    public async Task BenchSearch_Json_HasTheDocumentedShape()
    {
        var result = await ArchonCli.RunAsync("bench", "search", "--seeds", "2", "--algorithms", "random,bo", "--items", "40", "--max-evaluations", "16", "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(9576, root.GetProperty("space_size").GetInt32());
        Assert.Equal(2, root.GetProperty("seeds").GetInt32());
        Assert.Equal(["random", "bo"], root.GetProperty("algorithms").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.All(root.GetProperty("algorithms").EnumerateArray(), a =>
        {
            Assert.InRange(a.GetProperty("success_rate").GetDouble(), 0, 1);
            Assert.InRange(a.GetProperty("median_evaluations").GetDouble(), 1, 16);
        });
        Assert.True(root.GetProperty("model_calls_with_reuse").GetInt64() < root.GetProperty("model_calls_without_reuse").GetInt64());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
