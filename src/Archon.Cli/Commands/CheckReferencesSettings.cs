using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

public sealed class CheckReferencesSettings : CommandSettings
{
    [CommandOption("-b|--benchmark <NAME>")]
    [Description("gsm8k, math500, humaneval, mbpp or builtin.")]
    public string Benchmark { get; init; } = "";

    [CommandOption("-d|--dataset-dir <DIR>")]
    [Description("Folder with the benchmark copies (default: $ARCHON_DATASET_DIR).")]
    public string? DatasetDir { get; init; }

    [CommandOption("-s|--seed <SEED>")]
    [Description("Seed of the built-in benchmark (default 0).")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Benchmark) ? ValidationResult.Error("--benchmark is required") : ValidationResult.Success();
}
