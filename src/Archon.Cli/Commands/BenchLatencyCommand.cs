using System.Globalization;
using System.Text.Json;
using Archon.Offline.Loopback;
using Archon.Bench.Latency;
using Archon.Bench.Durable;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// <c>archon bench latency</c>: 8 generators → critic → ranker → fuser against an in-process loopback endpoint with a
/// fixed per-call latency; prints measured time, the critical-path bound, their ratio (goal ≤ 1.10), the sequential
/// schedule and the speedup over it.
/// </summary>
public sealed class BenchLatencyCommand : AsyncCommand<BenchLatencySettings>
{
    private readonly TextWriter output;
    private readonly IAnsiConsole console;

    public BenchLatencyCommand(CliConsoles consoles)
    {
        output = consoles.OutWriter;
        console = consoles.Out;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, BenchLatencySettings settings, CancellationToken cancellationToken)
    {
        var latency = TimeSpan.FromMilliseconds(settings.LatencyMs);
        var r = settings.Host == HostKind.Durable
            ? await DurableLatencyBenchmark.RunAsync(latency, settings.Runs, cancellationToken)
            : await LatencyBenchmark.RunAsync(latency, settings.Runs, cancellationToken);
        if (settings.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(r));
            return 0;
        }

        static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("measured", $"{F(r.MeasuredMs)} ms");
        table.AddRow("critical path (sum of slowest call per layer)", $"{F(r.CriticalPathMs)} ms");
        table.AddRow("ratio measured / critical path (goal ≤ 1.10)", r.Ratio.ToString("0.000", CultureInfo.InvariantCulture));
        table.AddRow("sequential schedule (one call after another)", $"{F(r.SequentialMs)} ms");
        table.AddRow("speedup vs sequential", $"{r.SpeedupVsSequential.ToString("0.00", CultureInfo.InvariantCulture)}×");
        console.MarkupLineInterpolated($"8 generators → critic → ranker → fuser, loopback endpoint, {settings.LatencyMs} ms per call, median of {settings.Runs} run(s), host {settings.Host}");
        console.Write(table);
        return 0;
    }
}
