using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

public sealed class RunSettings : CommandSettings
{
    [CommandOption(CliOptions.Architecture)]
    [Description("Architecture file, or a name looked up in ./architectures, the repository's architectures/ folder and $ARCHON_CONFIGS.")]
    public string Architecture { get; init; } = "";

    [CommandOption(CliOptions.Prompt)]
    [Description("The user's request.")]
    public string Prompt { get; init; } = "";

    [CommandOption(CliOptions.Models)]
    [Description("Model catalog file (default: $ARCHON_MODELS, else catalog/models.json).")]
    public string? Models { get; init; }

    [CommandOption("--json")]
    [Description("Print the answer, totals, notes and full trace as JSON.")]
    public bool Json { get; init; }

    [CommandOption("--host <HOST>")]
    [Description("durable (default): through the embedded Durable host, trace saved under --store; inprocess: plain tasks.")]
    [DefaultValue("durable")]
    public string Host { get; init; } = HostKind.Durable;

    [CommandOption("--store <DIR>")]
    [Description("Result store folder for the durable host's trace (default .archon).")]
    public string Store { get; init; } = ".archon";

    [CommandOption("--cache <DIR>")]
    [Description("Cache model responses in this folder (off by default).")]
    public string? CacheDir { get; init; }

    [CommandOption("--max-calls <N>")]
    [Description("Budget: stop the query before it makes more than N model calls (exit 1, 'budget: ...'). Default: no limit.")]
    public int? MaxCalls { get; init; }

    [CommandOption("--max-input-tokens <N>")]
    [Description("Budget: at most N prompt tokens over all calls of the query. Default: no limit.")]
    public long? MaxInputTokens { get; init; }

    [CommandOption("--max-output-tokens <N>")]
    [Description("Budget: at most N completion tokens over all calls of the query. Default: no limit.")]
    public long? MaxOutputTokens { get; init; }

    [CommandOption("--max-usd <DOLLARS>")]
    [Description("Budget: at most this many US dollars at the catalog's prices. Default: no limit.")]
    public decimal? MaxCostUsd { get; init; }

    [CommandOption(CliOptions.Prompts)]
    [Description("Prompt pack file (default: $ARCHON_PROMPTS, else the embedded pack; 'archon prompts --export' writes it).")]
    public string? Prompts { get; init; }

    [CommandOption(CliOptions.Components)]
    [Description(CliOptions.ComponentsHelp)]
    public string[] Components { get; init; } = [];

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Architecture) ? ValidationResult.Error("--architecture is required")
        : string.IsNullOrWhiteSpace(Prompt) ? ValidationResult.Error("--prompt is required")
        : !HostKind.IsValid(Host) ? ValidationResult.Error(HostKind.Rule)
        : ValidationResult.Success();
}
