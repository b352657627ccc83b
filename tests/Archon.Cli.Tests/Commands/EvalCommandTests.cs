namespace Archon.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-eval-");

    private static string RepoRoot => TestPaths.RepoRoot;

    private static string SimFleet => Path.Combine(RepoRoot, "catalog", "sim-fleet.json");

    private static string Example(string name) => Path.Combine(RepoRoot, "examples", "sim", name + ".json");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task Execute_BuiltinOnSimFleet_PrintsSimulatedScoreAndWritesJsonl()
    {
        var results = Path.Combine(dir.FullName, "r.jsonl");

        var result = await ArchonCli.RunAsync(
            "eval", "-a", Example("single-frontier"), "-b", "builtin", "-m", SimFleet, "-n", "12", "--split", "dev", "-s", "3", "-j", "4", "-o", results);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("[SIMULATED] builtin", result.Out, StringComparison.Ordinal);
        Assert.Contains("95% CI", result.Out, StringComparison.Ordinal);
        Assert.Contains("n=12", result.Out, StringComparison.Ordinal);
        Assert.Contains("bootstrap seed 3", result.Out, StringComparison.Ordinal);
        var lines = File.ReadAllLines(results);
        Assert.Equal(12, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"simulated\":true", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_CompareWithEarlierRun_PrintsPairedComparison()
    {
        var first = Path.Combine(dir.FullName, "a.jsonl");
        var baseline = await ArchonCli.RunAsync("eval", "-a", Example("single-large-70b"), "-b", "builtin", "-m", SimFleet, "-n", "30", "-o", first);
        Assert.True(baseline.Exit == 0, baseline.ToString());

        var result = await ArchonCli.RunAsync("eval", "-a", Example("large-70b-10-samples-strong-fuser"), "-b", "builtin", "-m", SimFleet, "-n", "30",
            "-o", Path.Combine(dir.FullName, "b.jsonl"), "--compare", first);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("large-70b-10-samples-strong-fuser − single-large-70b:", result.Out, StringComparison.Ordinal);
        Assert.Contains("paired 95% CI", result.Out, StringComparison.Ordinal);
        Assert.Contains("n=30", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_DatasetBenchmarkWithMissingDir_ClearErrorExitTwo()
    {
        var result = await ArchonCli.RunAsync("eval", "-a", Example("single-frontier"), "-b", "humaneval", "-d", dir.FullName, "-m", SimFleet);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("humaneval/HumanEval.jsonl.gz", result.Error, StringComparison.Ordinal);
        Assert.Contains("github.com/openai/human-eval", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_InvalidArchitectureFile_OneErrorLineNamingFileExitTwo()
    {
        var file = Path.Combine(dir.FullName, "broken.json");
        File.WriteAllText(file, """{ "name": "broken", "layers": [] }""");

        var result = await ArchonCli.RunAsync("eval", "-a", file, "-b", "builtin", "-m", SimFleet);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.StartsWith($"error: {file}: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReferences_Math500_AllAgreeExitZero()
    {
        var result = await ArchonCli.RunAsync("check-references", "-b", "math500", "-d", TestPaths.DatasetsDir);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("agreement: 400/400", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReferences_JudgeBenchmark_RejectedExitTwo()
    {
        var result = await ArchonCli.RunAsync("check-references", "-b", "alpaca_eval", "-d", TestPaths.DatasetsDir);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("judge-scored", result.Error, StringComparison.Ordinal);
    }
}
