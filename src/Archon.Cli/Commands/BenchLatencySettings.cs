using System.ComponentModel;
using Archon.Bench.Latency;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

public sealed class BenchLatencySettings : CommandSettings
{
    [CommandOption(CliOptions.Architecture)]
    [Description("Architecture file or name to measure (default: the fixed 8 generators → critic → ranker → fuser).")]
    public string? Architecture { get; init; }

    [CommandOption("--latency-ms <MS>")]
    [Description("Fixed latency of every call at the loopback endpoint (default 200).")]
    [DefaultValue(200)]
    public int LatencyMs { get; init; } = 200;

    [CommandOption("--max-concurrency <N>")]
    [Description("Calls in flight per model (the catalog's max_concurrency; default 256). The critical path uses it too.")]
    [DefaultValue(LatencyBenchOptions.DefaultMaxConcurrency)]
    public int MaxConcurrency { get; init; } = LatencyBenchOptions.DefaultMaxConcurrency;

    [CommandOption("--runs <N>")]
    [Description("Measured runs after one warm-up; the median is reported (default 3).")]
    [DefaultValue(3)]
    public int Runs { get; init; } = 3;

    [CommandOption("--max-warmup-runs <N>")]
    [Description("Most unmeasured warm-up runs: they go on until one compiles at most 100 methods (the JIT has settled), or N have run (default 30).")]
    [DefaultValue(LatencyBenchOptions.DefaultMaxWarmupRuns)]
    public int MaxWarmupRuns { get; init; } = LatencyBenchOptions.DefaultMaxWarmupRuns;

    [CommandOption("--host <HOST>")]
    [Description("durable (default): through the embedded Durable host, one activity per call; inprocess: plain tasks.")]
    [DefaultValue(HostKind.Durable)]
    public string Host { get; init; } = HostKind.Durable;

    [CommandOption("--floor")]
    [Description("Also measure the client floor: the same calls, in the same waves, through the OpenAI SDK alone.")]
    public bool Floor { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object instead of a table.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        LatencyMs is < 1 or > 60_000 ? ValidationResult.Error("--latency-ms must be between 1 and 60000")
        : MaxConcurrency is < 1 or > 4096 ? ValidationResult.Error("--max-concurrency must be between 1 and 4096")
        : Runs is < 1 or > 100 ? ValidationResult.Error("--runs must be between 1 and 100")
        : MaxWarmupRuns is < 1 or > 100 ? ValidationResult.Error("--max-warmup-runs must be between 1 and 100")
        : !HostKind.IsValid(Host) ? ValidationResult.Error(HostKind.Rule)
        : Architecture is { Length: 0 } ? ValidationResult.Error("--architecture: must name a file or an architecture")
        : ValidationResult.Success();
}
