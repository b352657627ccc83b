using System.ComponentModel;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

public sealed class ValidateSettings : CommandSettings
{
    [CommandArgument(0, "<paths>")]
    [Description("Architecture files or folders (searched recursively for *.json).")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--warnings")]
    [Description("Also print every other warning (unused keys, deprecated forms); unknown keys are always printed.")]
    public bool ShowWarnings { get; init; }

    [CommandOption(CliOptions.Models)]
    [Description("Also check that every model resolves in this model catalog.")]
    public string? Models { get; init; }

    [CommandOption(CliOptions.Components)]
    [Description(CliOptions.ComponentsHelp)]
    public string[] Components { get; init; } = [];
}
