using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

public sealed class CheckReferencesSettings : CommandSettings
{
    [CommandOption(CliOptions.Benchmark)]
    [Description("gsm8k, math500, humaneval, mbpp or builtin.")]
    public string Benchmark { get; init; } = "";

    [CommandOption(CliOptions.DatasetDir)]
    [Description("Folder with the benchmark copies (default: $ARCHON_DATASET_DIR).")]
    public string? DatasetDir { get; init; }

    [CommandOption(CliOptions.Seed)]
    [Description("Seed of the built-in benchmark (default 0).")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Benchmark) ? ValidationResult.Error("--benchmark is required") : ValidationResult.Success();
}
