using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.CodeContests;
using Archon.Core.Evaluation.Judging;
using Archon.Core.Evaluation.MixEval;
using Archon.Core.Evaluation.Scoring;

namespace Archon.Core.Evaluation;

/// <summary>
/// Resolves benchmark names (builtin, gsm8k, math500, humaneval, mbpp, mt_bench, arena_hard_v0.1, arena_hard_v2.0,
/// alpaca_eval, mixeval, mixeval_hard, code_contests) to a loader and a scorer. Judge benchmarks need a judge <see cref="Microsoft.Extensions.AI.IChatClient"/>.
/// </summary>
public static class BenchmarkRegistry
{
    private static readonly Dictionary<string, BenchmarkDefinition> Definitions = new(StringComparer.OrdinalIgnoreCase)
    {
        [BuiltinBenchmark.Name] = new(BuiltinBenchmark.Name, "generated arithmetic word problems + Python functions (no download)", false, false,
            (_, seed) => BuiltinBenchmark.Generate(seed),
            c => new FamilyScorer(new Dictionary<string, IScorer> { ["builtin-math"] = new Gsm8kScorer(), ["builtin-code"] = new CodeExecutionScorer(c.Sandbox) })),
        [Gsm8kLoader.Name] = new(Gsm8kLoader.Name, "GSM8K test (final-number accuracy)", true, false, (d, _) => Gsm8kLoader.Load(d!), _ => new Gsm8kScorer()),
        [Math500Loader.Name] = new(Math500Loader.Name, "MATH-500 (boxed answer equivalence)", true, false, (d, _) => Math500Loader.Load(d!), _ => new MathScorer()),
        [HumanEvalLoader.Name] = new(HumanEvalLoader.Name, "HumanEval (pass@1, sandboxed)", true, false, (d, _) => HumanEvalLoader.Load(d!), c => new CodeExecutionScorer(c.Sandbox)),
        [MbppLoader.Name] = new(MbppLoader.Name, "MBPP test split 11–510 (pass@1, sandboxed)", true, false, (d, _) => MbppLoader.Load(d!), c => new CodeExecutionScorer(c.Sandbox)),
        [MtBenchLoader.Name] = new(MtBenchLoader.Name, "MT-Bench: single-answer grading 1–10 (--metric single) or pairwise vs a baseline (--metric pairwise)", true, true,
            (d, _) => MtBenchLoader.Load(d!), MtBench),
        [ArenaHardLoader.V01] = new(ArenaHardLoader.V01, "Arena-Hard-Auto v0.1 vs gpt-4-0314 (pairwise, both positions)", true, true,
            (d, _) => ArenaHardLoader.Load(d!, ArenaHardLoader.V01), c => new ArenaHardScorer(RequireJudge(c), JudgePromptFiles.LoadArenaHard(c.Datasets!, ArenaHardLoader.V01))),
        [ArenaHardLoader.V20] = new(ArenaHardLoader.V20, "Arena-Hard-Auto v2.0 vs o3-mini (pairwise, both positions)", true, true,
            (d, _) => ArenaHardLoader.Load(d!, ArenaHardLoader.V20), c => new ArenaHardScorer(RequireJudge(c), JudgePromptFiles.LoadArenaHard(c.Datasets!, ArenaHardLoader.V20))),
        [AlpacaEvalLoader.Name] = new(AlpacaEvalLoader.Name, "AlpacaEval 2.0 vs gpt4_1106_preview: length-controlled win rate (raw win rate without instruction_difficulty.csv)", true, true,
            (d, _) => AlpacaEvalLoader.Load(d!), c => new AlpacaEvalScorer(RequireJudge(c), JudgePromptFiles.LoadAlpacaEval(c.Datasets!), c.Seed)
            {
                Difficulty = AlpacaEvalDifficulty.TryLoad(c.Datasets!),
            }),
        [MixEvalLoader.Name] = new(MixEvalLoader.Name, "MixEval 2024-06-01 (free-form + multiple-choice; --parser rule|model)", true, false,
            (d, _) => MixEvalLoader.Load(d!, hard: false), MixEval),
        [MixEvalLoader.HardName] = new(MixEvalLoader.HardName, "MixEval-Hard 2024-06-01 (free-form + multiple-choice; --parser rule|model)", true, false,
            (d, _) => MixEvalLoader.Load(d!, hard: true), MixEval),
        [CodeContestsLoader.Name] = new(CodeContestsLoader.Name, "CodeContests test (stdin/stdout Python 3 programs vs private tests, pass@1)", true, false,
            (d, _) => CodeContestsLoader.Load(d!), _ => new CodeContestsScorer()),
    };

    public static IReadOnlyCollection<string> Names => Definitions.Keys;

    public static BenchmarkDefinition Resolve(string name) =>
        Definitions.TryGetValue(name, out var d) ? d
        : throw new ArgumentException($"Unknown benchmark '{name}'. Known: {string.Join(", ", Definitions.Keys)}.");

    /// <summary>Scoring choices a benchmark accepts (for --metric / --parser validation and help).</summary>
    public static IReadOnlyList<string> MetricsOf(string name) => name.Equals(MtBenchLoader.Name, StringComparison.OrdinalIgnoreCase) ? ["single", "pairwise"] : [];

    public static IReadOnlyList<string> ParsersOf(string name) =>
        name.Equals(MixEvalLoader.Name, StringComparison.OrdinalIgnoreCase) || name.Equals(MixEvalLoader.HardName, StringComparison.OrdinalIgnoreCase) ? ["rule", "model"] : [];

    private static IScorer MtBench(BenchmarkScorerContext c) => (c.Metric ?? "single") switch
    {
        "single" => new MtBenchScorer(RequireJudge(c), JudgePromptFiles.LoadMtBench(c.Datasets!)),
        "pairwise" => new MtBenchPairwiseScorer(RequireJudge(c), JudgePromptFiles.LoadMtBench(c.Datasets!), c.BaselineAnswers)
        {
            BaselineName = c.BaselineName ?? "gpt-4 (mt_bench/reference_answer/gpt-4.jsonl)",
        },
        var m => throw new ArgumentException($"--metric '{m}' is not an MT-Bench metric: use single or pairwise."),
    };

    private static MixEvalScorer MixEval(BenchmarkScorerContext c)
    {
        var prompts = MixEvalPromptFile.Load(c.Datasets!);
        return (c.Parser ?? "rule") switch
        {
            "rule" => new MixEvalScorer(MixEvalParser.Rule, prompts, null, c.Seed),
            "model" => new MixEvalScorer(MixEvalParser.Model, prompts, c.Judge ?? throw new InvalidOperationException(
                "The MixEval model parser is an LLM judge: pass --judge <catalog model id> (upstream uses gpt-3.5-turbo-0125), or use --parser rule."), c.Seed),
            var p => throw new ArgumentException($"--parser '{p}' is not a MixEval parser: use rule or model."),
        };
    }

    private static Microsoft.Extensions.AI.IChatClient RequireJudge(BenchmarkScorerContext c) =>
        c.Judge ?? throw new InvalidOperationException("This benchmark is scored by an LLM judge: configure a judge model (--judge <model id>).");
}
