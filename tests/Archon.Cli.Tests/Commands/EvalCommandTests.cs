using Archon.Cli.Commands;

namespace Archon.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-eval-");
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    private static string RepoRoot => CliTestPaths.RepoRoot;

    private static string DatasetsDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets"));

    public void Dispose()
    {
        dir.Delete(recursive: true);
        output.Dispose();
        error.Dispose();
    }

    [Fact]
    public async Task Execute_BuiltinOnSimFleet_PrintsSimulatedScoreAndWritesJsonl()
    {
        var results = Path.Combine(dir.FullName, "r.jsonl");
        var code = await new EvalCommand(output, error).ExecuteAsync(null!, new EvalSettings
        {
            Architecture = Path.Combine(RepoRoot, "examples", "sim", "single-frontier.json"),
            Benchmark = "builtin",
            Models = Path.Combine(RepoRoot, "catalog", "sim-fleet.json"),
            Limit = 12,
            Split = "dev",
            Seed = 3,
            Output = results,
        }, CancellationToken.None);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("[SIMULATED] builtin", text, StringComparison.Ordinal);
        Assert.Contains("95% CI", text, StringComparison.Ordinal);
        Assert.Contains("n=12", text, StringComparison.Ordinal);
        Assert.Contains("bootstrap seed 3", text, StringComparison.Ordinal);
        var lines = File.ReadAllLines(results);
        Assert.Equal(12, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"simulated\":true", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_CompareWithEarlierRun_PrintsPairedComparison()
    {
        EvalSettings Settings(string arch, string output, string? compare = null) => new()
        {
            Architecture = Path.Combine(RepoRoot, "examples", "sim", arch + ".json"),
            Benchmark = "builtin",
            Models = Path.Combine(RepoRoot, "catalog", "sim-fleet.json"),
            Limit = 30,
            Output = output,
            Compare = compare,
        };
        var first = Path.Combine(dir.FullName, "a.jsonl");
        Assert.Equal(0, await new EvalCommand(output, error).ExecuteAsync(null!, Settings("single-large-70b", first), CancellationToken.None));
        Assert.Equal(0, await new EvalCommand(output, error).ExecuteAsync(null!,
            Settings("large-70b-10-samples-strong-fuser", Path.Combine(dir.FullName, "b.jsonl"), first), CancellationToken.None));
        Assert.Contains("large-70b-10-samples-strong-fuser − single-large-70b:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("paired 95% CI", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("n=30", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_DatasetBenchmarkWithMissingDir_ClearErrorExitTwo()
    {
        var code = await new EvalCommand(output, error).ExecuteAsync(null!, new EvalSettings
        {
            Architecture = Path.Combine(RepoRoot, "examples", "sim", "single-frontier.json"),
            Benchmark = "humaneval",
            DatasetDir = dir.FullName,
            Models = Path.Combine(RepoRoot, "catalog", "sim-fleet.json"),
        }, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("humaneval/HumanEval.jsonl.gz", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("github.com/openai/human-eval", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_InvalidArchitectureFile_OneErrorLineNamingFileExitTwo()
    {
        var file = Path.Combine(dir.FullName, "broken.json");
        File.WriteAllText(file, """{ "name": "broken", "layers": [] }""");

        var code = await new EvalCommand(output, error).ExecuteAsync(null!, new EvalSettings
        {
            Architecture = file,
            Benchmark = "builtin",
            Models = Path.Combine(RepoRoot, "catalog", "sim-fleet.json"),
        }, CancellationToken.None);

        Assert.Equal(2, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {file}: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReferences_Math500_AllAgreeExitZero()
    {
        var code = await new CheckReferencesCommand(output, error).ExecuteAsync(null!, new CheckReferencesSettings { Benchmark = "math500", DatasetDir = DatasetsDir }, CancellationToken.None);
        Assert.Equal(0, code);
        Assert.Contains("agreement: 400/400", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReferences_JudgeBenchmark_RejectedExitTwo()
    {
        var code = await new CheckReferencesCommand(output, error).ExecuteAsync(null!, new CheckReferencesSettings { Benchmark = "alpaca_eval", DatasetDir = DatasetsDir }, CancellationToken.None);
        Assert.Equal(2, code);
        Assert.Contains("judge-scored", error.ToString(), StringComparison.Ordinal);
    }
}
