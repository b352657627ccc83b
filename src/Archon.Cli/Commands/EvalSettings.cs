using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

public sealed class EvalSettings : CommandSettings
{
    [CommandOption(CliOptions.Architecture)]
    [Description("Architecture file, or a name looked up in ./architectures, the repository's architectures/ folder and $ARCHON_CONFIGS.")]
    public string Architecture { get; init; } = "";

    [CommandOption(CliOptions.Benchmark)]
    [Description("builtin; gsm8k, math500 (accuracy); humaneval, mbpp, code_contests (pass@1, sandboxed); mixeval, mixeval_hard (accuracy, " +
        "overall + per source; --parser); mt_bench (--metric single|pairwise, judge); arena_hard_v0.1, arena_hard_v2.0 (win rate vs baseline, judge); " +
        "alpaca_eval (length-controlled win rate, judge). Details: docs/evaluation.md.")]
    public string Benchmark { get; init; } = "";

    [CommandOption(CliOptions.DatasetDir)]
    [Description("Folder with the benchmark copies (default: $ARCHON_DATASET_DIR). Not needed for builtin.")]
    public string? DatasetDir { get; init; }

    [CommandOption(CliOptions.Models)]
    [Description("Model catalog (default: $ARCHON_MODELS, else catalog/models.json). Offline: catalog/sim-fleet.json (SIMULATED).")]
    public string? Models { get; init; }

    [CommandOption("--judge <MODEL>")]
    [Description("Catalog model id used as the LLM judge (mt_bench, arena_hard_*, alpaca_eval; mixeval/mixeval_hard with --parser model).")]
    public string? Judge { get; init; }

    [CommandOption(CliOptions.Limit)]
    [Description("Score only the first N items (after the split).")]
    public int? Limit { get; init; }

    [CommandOption("--split <SPLIT>")]
    [Description("dev (20%), test (80%) or all (default). The split is seeded with --seed.")]
    [DefaultValue("all")]
    public string Split { get; init; } = "all";

    [CommandOption(CliOptions.Seed)]
    [Description("Seed for the split, the built-in benchmark, the simulator and the bootstrap CI (default 0).")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption(CliOptions.Parallelism)]
    [Description("Items in flight at once (default 8).")]
    [DefaultValue(8)]
    public int Parallelism { get; init; } = 8;

    [CommandOption(CliOptions.Output)]
    [Description("Per-item results (JSONL). Default: eval-results/<architecture>.<benchmark>.<split>.seed<S>.jsonl")]
    public string? Output { get; init; }

    [CommandOption("--compare <RESULTS_JSONL>")]
    [Description("Per-item results of another run on the same items: print a paired comparison (difference, paired bootstrap CI, sign test).")]
    public string? Compare { get; init; }

    [CommandOption(CliOptions.Prompts)]
    [Description("Prompt pack file (default: $ARCHON_PROMPTS, else the embedded pack; 'archon prompts --export' writes it).")]
    public string? Prompts { get; init; }

    [CommandOption(CliOptions.Components)]
    [Description(CliOptions.ComponentsHelp)]
    public string[] Components { get; init; } = [];

    [CommandOption("--metric <METRIC>")]
    [Description("mt_bench only: single (1–10 grading, default) or pairwise (win rate vs --baseline-answers, both orders, as the paper reports).")]
    public string? Metric { get; init; }

    [CommandOption("--parser <PARSER>")]
    [Description("mixeval/mixeval_hard only: rule (upstream rule-based parser, offline default) or model (LLM parser = --judge, prompts from prompts.json).")]
    public string? Parser { get; init; }

    [CommandOption("--baseline-answers <FILE>")]
    [Description("mt_bench pairwise: baseline answers (FastChat model_answer JSONL, e.g. from --save-answers). Default: gpt-4 reference answers (30 questions).")]
    public string? BaselineAnswers { get; init; }

    [CommandOption("--save-answers <FILE>")]
    [Description("Also write this run's answers as FastChat model_answer JSONL (usable as --baseline-answers).")]
    public string? SaveAnswers { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Architecture) ? ValidationResult.Error("--architecture is required")
        : string.IsNullOrWhiteSpace(Benchmark) ? ValidationResult.Error("--benchmark is required")
        : Limit is < 1 ? ValidationResult.Error("--limit must be at least 1")
        : Parallelism < 1 ? ValidationResult.Error("--parallelism must be at least 1")
        : Split is not ("all" or "dev" or "test") ? ValidationResult.Error("--split must be dev, test or all")
        : ValidationResult.Success();
}
