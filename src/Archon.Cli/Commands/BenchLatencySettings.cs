using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

public sealed class BenchLatencySettings : CommandSettings
{
    [CommandOption("--latency-ms <MS>")]
    [Description("Fixed latency of every call at the loopback endpoint (default 200).")]
    [DefaultValue(200)]
    public int LatencyMs { get; init; } = 200;

    [CommandOption("--runs <N>")]
    [Description("Measured runs after one warm-up; the median is reported (default 3).")]
    [DefaultValue(3)]
    public int Runs { get; init; } = 3;

    [CommandOption("--host <HOST>")]
    [Description("durable (default): through the embedded Durable host, one activity per call; inprocess: plain tasks.")]
    [DefaultValue(HostKind.Durable)]
    public string Host { get; init; } = HostKind.Durable;

    [CommandOption("--json")]
    [Description("Print one JSON object instead of a table.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        LatencyMs is < 1 or > 60_000 ? ValidationResult.Error("--latency-ms must be between 1 and 60000")
        : Runs is < 1 or > 100 ? ValidationResult.Error("--runs must be between 1 and 100")
        : !HostKind.IsValid(Host) ? ValidationResult.Error(HostKind.Rule)
        : ValidationResult.Success();
}
