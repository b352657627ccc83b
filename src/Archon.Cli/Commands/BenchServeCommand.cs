using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Archon.Bench.Serving;
using Archon.LocalHost;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// `archon bench serve`: a one-call architecture behind `archon serve` (in process, Kestrel, loopback) vs the same
/// loopback model called directly; goals: overhead p50 ≤ 5 ms, p99 ≤ 20 ms, served rps at 32 ≥ 95% of direct.
/// </summary>
public sealed class BenchServeCommand(CliConsoles consoles) : WriterCommand<BenchServeCommand.Settings>(consoles)
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--latency-ms <MS>")]
        [Description("Fixed latency of the loopback model per call (default 50).")]
        public int LatencyMs { get; init; } = 50;

        [CommandOption("--requests <N>")]
        [Description("Sequential requests per side for p50/p99 (default 200).")]
        public int Requests { get; init; } = 200;

        [CommandOption("--concurrent-requests <N>")]
        [Description("Requests per side at 32 in flight for requests per second (default 640).")]
        public int ConcurrentRequests { get; init; } = 640;

        [CommandOption("--max-warmup-rounds <N>")]
        [Description("Most unmeasured warm-up rounds; they stop once the JIT has settled (default 15).")]
        public int MaxWarmupRounds { get; init; } = 15;

        [CommandOption("--inference <MODE>")]
        [Description("How the server runs the query, as `archon serve --inference`: inline (default) or durable.")]
        public string Inference { get; init; } = "inline";

        [CommandOption("--floor")]
        [Description("Also measure the floors: the same requests through a pass-through proxy, bare and storing a call entry and a trace each.")]
        public bool Floor { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object instead of a table.")]
        public bool Json { get; init; }

        public ServeBenchOptions Options() => new()
        {
            Latency = TimeSpan.FromMilliseconds(LatencyMs), Requests = Requests, ConcurrentRequests = ConcurrentRequests, MaxWarmupRounds = MaxWarmupRounds,
            Floors = Floor,
            Inference = InferenceOption.Parse(Inference) ?? ServeInference.Inline,
        };

        public override ValidationResult Validate() =>
            InferenceOption.Problem(Inference) is { } inference ? ValidationResult.Error(inference)
            : Options().Validate() is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var r = await ServeBenchmark.RunAsync(settings.Options(), cancellationToken);
        if (settings.Json)
        {
            Output.WriteLine(JsonSerializer.Serialize(r));
            return 0;
        }

        static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("direct p50", $"{F(r.DirectP50Ms)} ms");
        table.AddRow("served p50", $"{F(r.ServedP50Ms)} ms");
        table.AddRow("overhead p50 (goal ≤ 5 ms)", $"{F(r.OverheadP50Ms)} ms");
        table.AddRow("overhead p99 (goal ≤ 20 ms)", $"{F(r.OverheadP99Ms)} ms");
        table.AddRow("direct requests/s at 32", F(r.DirectRps32));
        if (r.ProxyRps32 is { } proxyRps && r.StoringProxyRps32 is { } storingRps)
        {
            table.AddRow("pass-through proxy p50 / requests/s at 32 (the floor of any hop)", $"{F(r.ProxyP50Ms ?? 0)} ms / {F(proxyRps)}");
            table.AddRow("storing proxy p50 / requests/s at 32 (+ a call entry and a trace each)", $"{F(r.StoringProxyP50Ms ?? 0)} ms / {F(storingRps)}");
        }
        table.AddRow("served requests/s at 32 (goal ≥ 95% of direct)", $"{F(r.ServedRps32)} ({F(100 * r.ServedRps32 / r.DirectRps32)}%)");
        var (mode, latency) = (settings.Inference.ToLowerInvariant(), settings.LatencyMs);
        Ansi.MarkupLineInterpolated($"One-call architecture behind archon serve (inference {mode}) vs the loopback model ({latency} ms/call) direct.");
        Ansi.Write(table);
        return 0;
    }
}
