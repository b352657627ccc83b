using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>Options of <c>archon models</c>.</summary>
public sealed class ModelsSettings : CommandSettings
{
    [CommandOption(CliOptions.Models)]
    [Description("Model catalog JSON. Default: $ARCHON_MODELS, else catalog/models.json found above the working directory.")]
    public string? Models { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long each endpoint probe may take before it counts as unreachable. Default: 3.")]
    [DefaultValue(3.0)]
    public double TimeoutSeconds { get; init; } = 3.0;

    [CommandOption("--offline")]
    [Description("Check configuration only; do not probe endpoints.")]
    public bool Offline { get; init; }

    [CommandOption("--strict")]
    [Description("Exit with code 1 when any model is not configured (missing key variable, bad endpoint, unknown provider).")]
    public bool Strict { get; init; }

    public override ValidationResult Validate() =>
        TimeoutSeconds is > 0 and <= 60
            ? ValidationResult.Success()
            : ValidationResult.Error($"--timeout {TimeoutSeconds}: must be more than 0 and at most 60 seconds");
}
