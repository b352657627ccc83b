using Archon.Cli.Commands;

namespace Archon.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-eval-");
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    private static string RepoRoot => CliTestPaths.RepoRoot;

    private static string DatasetsDir => TestPaths.DatasetsDir;

    private static string SimFleet => Path.Combine(RepoRoot, "catalog", "sim-fleet.json");

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
