using System.Globalization;
using System.Text.Json;
using Archon.Bench.Streaming;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// `archon bench stream`: time to first token vs full answer of a streamed chat completion (3 layers, final fuser
/// streams from a loopback model with a fixed per-token delay) through `archon serve`'s HTTP API and the embedded
/// Durable host. Goal: first token ≤ 50 ms + the final model's own first-token delay after the earlier layers finish.
/// </summary>
public sealed class BenchStreamCommand : AsyncCommand<BenchStreamSettings>
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly TextWriter _output;
    private readonly IAnsiConsole _console;

    public BenchStreamCommand(CliConsoles consoles)
    {
        _output = consoles.OutWriter;
        _console = consoles.Out;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, BenchStreamSettings settings, CancellationToken cancellationToken)
    {
        var r = await StreamingBenchmark.RunAsync(
            TimeSpan.FromMilliseconds(settings.LatencyMs), TimeSpan.FromMilliseconds(settings.TokenDelayMs), settings.Tokens, settings.Runs, cancellationToken);
        if (settings.Json)
        {
            _output.WriteLine(JsonSerializer.Serialize(r, SnakeCase));
            return r.OverheadMs <= 50 ? 0 : 1;
        }

        string Ms(double v) => v.ToString("F1", CultureInfo.InvariantCulture) + " ms";
        var table = new Table().AddColumns("measure (median, from request sent)", "value");
        table.AddRow("earlier layers done (2 generators → fuser)", Ms(r.EarlierLayersDoneMs));
        table.AddRow("final model's own first-token delay (called directly)", $"{Ms(r.FinalFirstTokenDelayMs)} (nominal {Ms(r.TokenDelayMs)})");
        table.AddRow("[bold]time to first token[/]", Ms(r.FirstTokenMs));
        table.AddRow("[bold]time to full answer[/]", $"{Ms(r.FullAnswerMs)} ({r.Tokens} tokens × {r.TokenDelayMs:F0} ms)");
        table.AddRow("[bold]first-token overhead[/]", $"{Ms(r.OverheadMs)} (goal ≤ 50 ms; worst run {Ms(r.WorstOverheadMs)}; vs nominal delay {Ms(r.OverheadVsNominalMs)})");
        table.AddRow("  of which: earlier layers done → final call started", Ms(r.DispatchMs));
        table.AddRow("  of which: final call started → request at the model", Ms(r.RequestToModelMs));
        table.AddRow("  of which: request at the model → first token in the relay, less the nominal delay", Ms(r.ModelToRelayMs));
        table.AddRow("  of which: first token in the relay → at the client", Ms(r.RelayToClientMs));
        table.AddRow("runs", r.Runs.ToString(CultureInfo.InvariantCulture));
        table.AddRow("load average (1 min) at the end", LoadAverage());
        _console.Write(table);
        _console.MarkupLine("Loopback models (not LLMs); `archon serve` HTTP API, embedded Durable host, in-memory relay.");
        return r.OverheadMs <= 50 ? 0 : 1;
    }

    /// <summary>The figure depends on how busy the machine is: Linux's 1-minute load average, when readable.</summary>
    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? File.ReadAllText(path).Split(' ')[0] : "n/a";
    }
}
