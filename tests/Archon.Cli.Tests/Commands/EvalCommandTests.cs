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
        var code = await new CheckReferencesCommand(output, error).ExecuteAsync(null!, new CheckReferencesSettings
        {
            Benchmark = benchmark,
            DatasetDir = DatasetsDir,
            Parser = parser,
            Judge = parser is null ? null : "sim-frontier",
            Models = parser is null ? null : SimFleet,
        }, CancellationToken.None);
        Assert.True(code == 0, output + error.ToString());
        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_MixEvalOnSimFleet_OverallPerSplitAndPerSource()
    {
        var code = await new EvalCommand(output, error).ExecuteAsync(null!, new EvalSettings
        {
            Architecture = Path.Combine(RepoRoot, "examples", "sim", "single-frontier.json"),
            Benchmark = "mixeval",
            DatasetDir = DatasetsDir,
            Models = SimFleet,
            Limit = 20,
            Output = Path.Combine(dir.FullName, "m.jsonl"),
        }, CancellationToken.None);
        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("[SIMULATED] mixeval accuracy (mixeval rule parser)", text, StringComparison.Ordinal);
        Assert.Contains("n=20", text, StringComparison.Ordinal);
        Assert.Contains("  split free-form: ", text, StringComparison.Ordinal);
        Assert.Contains("  split multiple-choice: ", text, StringComparison.Ordinal);
        Assert.Contains("  TriviaQA: ", text, StringComparison.Ordinal);
        Assert.All(File.ReadAllLines(Path.Combine(dir.FullName, "m.jsonl")), l => Assert.Contains("\"metric\":\"accuracy\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_MtBenchPairwise_SavedAnswersServeAsBaseline()
    {
        EvalSettings Settings(string? baseline, string? save) => new()
        {
            Architecture = Path.Combine(RepoRoot, "examples", "sim", "single-frontier.json"),
            Benchmark = "mt_bench",
            DatasetDir = DatasetsDir,
            Models = SimFleet,
            Judge = "sim-frontier",
            Metric = "pairwise",
            Limit = 6,
            BaselineAnswers = baseline,
            SaveAnswers = save,
            Output = Path.Combine(dir.FullName, Guid.NewGuid().ToString("n") + ".jsonl"),
        };
        var answers = Path.Combine(dir.FullName, "base.jsonl");
        Assert.Equal(0, await new EvalCommand(output, error).ExecuteAsync(null!, Settings(null, answers), CancellationToken.None));
        Assert.Contains("win rate vs gpt-4", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(6, File.ReadAllLines(answers).Length);

        Assert.Equal(0, await new EvalCommand(output, error).ExecuteAsync(null!, Settings(answers, null), CancellationToken.None));
        Assert.Contains("[SIMULATED] mt_bench win rate vs base (tie or inconsistent order = ½) (mt-bench-pairwise): 0.5000", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_AlpacaEvalWithoutDifficultyTable_RawWinRateNamedWithNote()
    {
        var code = await new EvalCommand(output, error).ExecuteAsync(null!, new EvalSettings
        {
            Architecture = Path.Combine(RepoRoot, "examples", "sim", "single-frontier.json"),
            Benchmark = "alpaca_eval",
            DatasetDir = DatasetsDir,
            Models = SimFleet,
            Judge = "sim-frontier",
            Limit = 8,
            Output = Path.Combine(dir.FullName, "a.jsonl"),
        }, CancellationToken.None);
        Assert.Equal(0, code);
        Assert.Contains("alpaca_eval raw win rate (not length-controlled)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("note: length-controlled win rate not computed: it needs alpaca_eval/instruction_difficulty.csv", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gsm8k", "pairwise", null, "--metric is not an option of gsm8k")]
    [InlineData("mt_bench", "elo", null, "--metric 'elo' is not a mt_bench metric: use single or pairwise")]
    [InlineData("mixeval", null, "llm", "--parser 'llm' is not a mixeval parser: use rule or model")]
    public async Task Execute_ChoiceNotOfBenchmark_ExitTwoNamingTheOption(string benchmark, string? metric, string? parser, string message)
    {
        var code = await new EvalCommand(output, error).ExecuteAsync(null!, new EvalSettings
        {
            Architecture = Path.Combine(RepoRoot, "examples", "sim", "single-frontier.json"),
            Benchmark = benchmark,
            DatasetDir = DatasetsDir,
            Models = SimFleet,
            Metric = metric,
            Parser = parser,
        }, CancellationToken.None);
        Assert.Equal(2, code);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}
