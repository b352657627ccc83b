namespace Archon.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-eval-");

    private static string RepoRoot => TestPaths.RepoRoot;

    private static string DatasetsDir => TestPaths.DatasetsDir;

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

    [Theory]
    [InlineData("mixeval", null, "agreement: 3200/3200")]
    [InlineData("mixeval_hard", null, "agreement: 800/800")]
    [InlineData("mixeval_hard", "model", "mixeval_hard [model parser, judge sim-frontier, SIMULATED]: agreement: 800/800")]
    public async Task CheckReferences_MixEvalGoldAnswers_AllAgreeWithEitherParser(string benchmark, string? parser, string expected)
    {
        string[] args = parser is null
            ? ["check-references", "-b", benchmark, "-d", DatasetsDir]
            : ["check-references", "-b", benchmark, "-d", DatasetsDir, "--parser", parser, "--judge", "sim-frontier", "-m", SimFleet];

        var result = await ArchonCli.RunAsync(args);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains(expected, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_MixEvalOnSimFleet_OverallPerSplitAndPerSource()
    {
        var jsonl = Path.Combine(dir.FullName, "m.jsonl");

        var result = await ArchonCli.RunAsync("eval", "-a", Example("single-frontier"), "-b", "mixeval", "-d", DatasetsDir, "-m", SimFleet, "-n", "20", "-o", jsonl);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("[SIMULATED] mixeval accuracy (mixeval rule parser)", result.Out, StringComparison.Ordinal);
        Assert.Contains("n=20", result.Out, StringComparison.Ordinal);
        Assert.Contains("  split free-form: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("  split multiple-choice: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("  TriviaQA: ", result.Out, StringComparison.Ordinal);
        Assert.All(File.ReadAllLines(jsonl), l => Assert.Contains("\"metric\":\"accuracy\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_MtBenchPairwise_SavedAnswersServeAsBaseline()
    {
        var answers = Path.Combine(dir.FullName, "base.jsonl");
        string[] Args(params string[] extra) =>
            ["eval", "-a", Example("single-frontier"), "-b", "mt_bench", "-d", DatasetsDir, "-m", SimFleet, "--judge", "sim-frontier", "--metric", "pairwise",
             "-n", "6", "-o", Path.Combine(dir.FullName, $"{extra.Length}-{extra[0]}.jsonl".Replace("--", "", StringComparison.Ordinal)), .. extra];

        var first = await ArchonCli.RunAsync(Args("--save-answers", answers));
        Assert.True(first.Exit == 0, first.ToString());
        Assert.Contains("win rate vs gpt-4", first.Out, StringComparison.Ordinal);
        Assert.Equal(6, File.ReadAllLines(answers).Length);

        var second = await ArchonCli.RunAsync(Args("--baseline-answers", answers));
        Assert.True(second.Exit == 0, second.ToString());
        Assert.Contains("[SIMULATED] mt_bench win rate vs base (tie or inconsistent order = ½) (mt-bench-pairwise): 0.5000", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_AlpacaEvalWithoutDifficultyTable_RawWinRateNamedWithNote()
    {
        var result = await ArchonCli.RunAsync("eval", "-a", Example("single-frontier"), "-b", "alpaca_eval", "-d", DatasetsDir, "-m", SimFleet,
            "--judge", "sim-frontier", "-n", "8", "-o", Path.Combine(dir.FullName, "a.jsonl"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("alpaca_eval raw win rate (not length-controlled)", result.Out, StringComparison.Ordinal);
        Assert.Contains("note: length-controlled win rate not computed: it needs alpaca_eval/instruction_difficulty.csv", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gsm8k", "pairwise", null, "--metric is not an option of gsm8k")]
    [InlineData("mt_bench", "elo", null, "--metric 'elo' is not a mt_bench metric: use single or pairwise")]
    [InlineData("mixeval", null, "llm", "--parser 'llm' is not a mixeval parser: use rule or model")]
    public async Task Execute_ChoiceNotOfBenchmark_ExitTwoNamingTheOption(string benchmark, string? metric, string? parser, string message)
    {
        string[] args = ["eval", "-a", Example("single-frontier"), "-b", benchmark, "-d", DatasetsDir, "-m", SimFleet,
            .. (metric is null ? Array.Empty<string>() : ["--metric", metric]), .. (parser is null ? Array.Empty<string>() : ["--parser", parser])];

        var result = await ArchonCli.RunAsync(args);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
