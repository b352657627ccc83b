using System.Globalization;
using System.Text.Json;
using Archon.Bench.Durable;
using Archon.Bench.Latency;
using Archon.Core.Architecture;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// <c>archon bench latency</c>: an architecture (default 8 generators → critic → ranker → fuser) against an in-process
/// loopback endpoint with a fixed per-call latency and a per-model cap; prints measured time, the critical path
/// (waves of at most the cap per model, times the latency), their ratio (goals ≤ 1.10 durable, ≤ 1.05 in process),
/// the sequential schedule, the speedup over it and the number of calls.
/// </summary>
public sealed class BenchLatencyCommand(CliConsoles consoles) : WriterCommand<BenchLatencySettings>(consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, BenchLatencySettings settings, CancellationToken cancellationToken)
    {
        ArchitectureConfig? architecture = null;
        if (settings.Architecture is { } name)
        {
            try
            {
                architecture = ArchitectureLocator.Load(name);
            }
            catch (ArgumentException ex)
            {
                return Fail($"--architecture: {ex.Message}");
            }
        }

        var options = new LatencyBenchOptions
        {
            Architecture = architecture,
            Latency = TimeSpan.FromMilliseconds(settings.LatencyMs),
            MaxConcurrency = settings.MaxConcurrency,
            Runs = settings.Runs,
            MaxWarmupRuns = settings.MaxWarmupRuns,
            ClientFloor = settings.Floor,
        };
        var r = settings.Host == HostKind.Durable
            ? await DurableLatencyBenchmark.RunAsync(options, cancellationToken)
            : await LatencyBenchmark.RunAsync(options, cancellationToken);
        if (settings.Json)
        {
            Output.WriteLine(JsonSerializer.Serialize(r));
            return 0;
        }

        static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        var goal = settings.Host == HostKind.Durable ? "1.10" : "1.05";
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("model calls", r.Calls.ToString(CultureInfo.InvariantCulture));
        table.AddRow("measured", $"{F(r.MeasuredMs)} ms");
        table.AddRow($"critical path ({r.Waves} waves of at most {r.MaxConcurrency} calls per model)", $"{F(r.CriticalPathMs)} ms");
        table.AddRow($"ratio measured / critical path (goal ≤ {goal})", r.Ratio.ToString("0.000", CultureInfo.InvariantCulture));
        if (r.ClientFloorMs is { } floorMs && r.ClientFloorRatio is { } floorRatio)
        {
            var ratio = floorRatio.ToString("0.000", CultureInfo.InvariantCulture);
            table.AddRow("client floor: the same calls through the OpenAI SDK alone", $"{F(floorMs)} ms (ratio {ratio})");
        }

        table.AddRow("sequential schedule (one call after another)", $"{F(r.SequentialMs)} ms");
        table.AddRow("speedup vs sequential", $"{r.SpeedupVsSequential.ToString("0.00", CultureInfo.InvariantCulture)}×");
        foreach (var span in r.Layers ?? [])
        {
            table.AddRow($"layer {span.Layer}: {span.Calls} call(s), first start → last end", $"{F(span.FirstStartMs)} → {F(span.LastEndMs)} ms");
        }
        var runs = $"median of {settings.Runs} run(s) after {r.WarmupRuns} warm-up run(s)";
        Ansi.MarkupLineInterpolated($"{r.Architecture}, loopback endpoint, {settings.LatencyMs} ms per call, {runs}, host {settings.Host}");
        Ansi.Write(table);
        return 0;
    }
}
