using System.ComponentModel;
using System.Text.Json;
using Archon.Bench.Durable;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// `archon bench throughput`: model-call activities per second through the embedded Durable host with zero model
/// latency, and process CPU ms per activity. Goal: ≥ 300 activities/s on 2 cores.
/// </summary>
public sealed class BenchThroughputCommand : AsyncCommand<BenchThroughputCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--orchestrations <N>")]
        [Description("Concurrent inference orchestrations (9 model-call activities each). Default 200.")]
        public int Orchestrations { get; init; } = 200;

        [CommandOption("--json")]
        [Description("Print {\"activities_per_second\":…, \"cpu_ms_per_activity\":…}.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            Orchestrations is < 1 or > 100_000 ? ValidationResult.Error("--orchestrations: must be 1-100000") : ValidationResult.Success();
    }

    private readonly CliConsoles _consoles;

    public BenchThroughputCommand(CliConsoles consoles) => _consoles = consoles;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = await ThroughputBenchmark.RunAsync(new ThroughputOptions(settings.Orchestrations), cancellationToken);
        if (settings.Json)
        {
            _consoles.OutWriter.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
            {
                ["activities_per_second"] = Math.Round(result.ActivitiesPerSecond, 1),
                ["cpu_ms_per_activity"] = Math.Round(result.CpuMsPerActivity, 3),
            }));
            return 0;
        }

        var table = new Table().AddColumns("measure", "value");
        table.AddRow("model-call activities", result.Activities.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("orchestrations", result.Orchestrations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("wall time", $"{result.WallSeconds:F2} s");
        table.AddRow("[bold]activities / s[/]", $"{result.ActivitiesPerSecond:F0} (goal ≥ 300)");
        table.AddRow("[bold]CPU ms / activity[/]", $"{result.CpuMsPerActivity:F2}");
        table.AddRow("processors", result.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _consoles.Out.Write(table);
        _consoles.Out.MarkupLine("Zero model latency (instant invoker); embedded Durable host, in-memory orchestration state.");
        return 0;
    }
}
