using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

public sealed class BenchStreamSettings : CommandSettings
{
    [CommandOption("--latency-ms <MS>")]
    [Description("Latency of every earlier-layer call. Default 200.")]
    public int LatencyMs { get; init; } = 200;

    [CommandOption("--token-delay-ms <MS>")]
    [Description("Delay before each token of the streamed final fuser. Default 20.")]
    public int TokenDelayMs { get; init; } = 20;

    [CommandOption("--tokens <N>")]
    [Description("Tokens the final fuser streams. Default 50.")]
    public int Tokens { get; init; } = 50;

    [CommandOption("--runs <N>")]
    [Description("Measured runs after one warm-up; medians are reported. Default 5.")]
    public int Runs { get; init; } = 5;

    [CommandOption("--json")]
    [Description("Print the figures as JSON.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        LatencyMs is < 0 or > 60_000 ? ValidationResult.Error("--latency-ms: must be 0-60000")
        : TokenDelayMs is < 0 or > 10_000 ? ValidationResult.Error("--token-delay-ms: must be 0-10000")
        : Tokens is < 1 or > 10_000 ? ValidationResult.Error("--tokens: must be 1-10000")
        : Runs is < 1 or > 1000 ? ValidationResult.Error("--runs: must be 1-1000")
        : ValidationResult.Success();
}
