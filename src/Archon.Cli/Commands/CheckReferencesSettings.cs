using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

public sealed class CheckReferencesSettings : CommandSettings
{
    [CommandOption(CliOptions.Benchmark)]
    [Description("gsm8k, math500, humaneval, mbpp, builtin, mixeval, mixeval_hard or code_contests.")]
    public string Benchmark { get; init; } = "";

    [CommandOption(CliOptions.DatasetDir)]
    [Description("Folder with the benchmark copies (default: $ARCHON_DATASET_DIR).")]
    public string? DatasetDir { get; init; }

    [CommandOption(CliOptions.Seed)]
    [Description("Seed of the built-in benchmark (default 0).")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--parser <PARSER>")]
    [Description("mixeval/mixeval_hard: rule (default) or model (the --judge model reads each gold answer with upstream's parser prompts).")]
    public string? Parser { get; init; }

    [CommandOption("--judge <MODEL>")]
    [Description("Catalog model id of the model parser (with --parser model).")]
    public string? Judge { get; init; }

    [CommandOption("-m|--models <CATALOG>")]
    [Description("Model catalog for --judge (default: $ARCHON_MODELS, else catalog/models.json; catalog/sim-fleet.json is SIMULATED).")]
    public string? Models { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Benchmark) ? ValidationResult.Error("--benchmark is required") : ValidationResult.Success();
}
