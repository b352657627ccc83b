using System.ComponentModel;
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
public sealed class BenchStreamCommand : AsyncCommand<BenchStreamCommand.Settings>
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed class Settings : CommandSettings
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

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var r = await StreamingBenchmark.RunAsync(
            TimeSpan.FromMilliseconds(settings.LatencyMs), TimeSpan.FromMilliseconds(settings.TokenDelayMs), settings.Tokens, settings.Runs, cancellationToken);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(r, SnakeCase));
            return r.OverheadMs <= 50 ? 0 : 1;
        }

        string Ms(double v) => v.ToString("F1", CultureInfo.InvariantCulture) + " ms";
        var table = new Table().AddColumns("measure (median, from request sent)", "value");
        table.AddRow("earlier layers done (2 generators → fuser)", Ms(r.EarlierLayersDoneMs));
        table.AddRow("final model's own first-token delay", Ms(r.FinalFirstTokenDelayMs));
        table.AddRow("[bold]time to first token[/]", Ms(r.FirstTokenMs));
        table.AddRow("[bold]time to full answer[/]", $"{Ms(r.FullAnswerMs)} ({r.Tokens} tokens × {r.TokenDelayMs:F0} ms)");
        table.AddRow("[bold]first-token overhead[/]", $"{Ms(r.OverheadMs)} (goal ≤ 50 ms)");
        table.AddRow("runs", r.Runs.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Loopback models (not LLMs); `archon serve` HTTP API, embedded Durable host, in-memory relay.");
        return r.OverheadMs <= 50 ? 0 : 1;
    }
}
