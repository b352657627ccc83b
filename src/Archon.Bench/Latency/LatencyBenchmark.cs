using Archon.Offline.Loopback;
using Archon.Core.Providers;
using Archon.Core.Storage;
using System.Diagnostics;
using Archon.Core.Architecture;
using Archon.Core.Execution;

namespace Archon.Bench.Latency;

/// <summary>
/// Runs 8 generators → critic → ranker → fuser against an in-process loopback endpoint with a fixed per-call latency,
/// through the real OpenAI client path and the full provider stack, and compares the wall-clock time with the
/// critical-path bound and with a sequential schedule. One warm-up run (JIT, connections) is not counted; the
/// reported run is the median of <c>runs</c> by measured time.
/// </summary>
public static class LatencyBenchmark
{
    public const int Generators = 8;

    public static ArchitectureConfig Architecture()
    {
        var generators = Enumerable.Range(0, Generators)
            .Select(i => new ComponentConfig { Type = ComponentTypes.Generator, Model = $"bench/generator-{i}", MaxTokens = 256 })
            .ToList();
        ComponentConfig Single(string type, string model) => new() { Type = type, Model = model, MaxTokens = 256 };
        return new ArchitectureConfig
        {
            Name = "bench-latency-8-generators-critic-ranker-fuser",
            Layers =
            [
                new LayerConfig(generators),
                new LayerConfig([Single(ComponentTypes.Critic, "bench/critic")]),
                new LayerConfig([Single(ComponentTypes.Ranker, "bench/ranker") with { TopK = 5, UseCritiques = true }]),
                new LayerConfig([Single(ComponentTypes.Fuser, "bench/fuser")]),
            ],
        };
    }

    /// <summary>
    /// The bench's catalog: every model id goes to <paramref name="server"/> through the real openai-compatible provider
    /// stack (the in-process and durable benches share it so both measure the same path).
    /// </summary>
    public static ModelCatalog Catalog(LoopbackModelServer server) =>
        new([new ModelEntry
        {
            Id = ModelCatalog.Wildcard, Provider = "openai-compatible", Endpoint = server.OpenAIBaseUri.ToString(), MaxConcurrency = 64,
        }], "bench (in-process loopback endpoint)");

    public static async Task<LatencyBenchmarkResult> RunAsync(TimeSpan latency, int runs, CancellationToken cancellationToken)
    {
        await using var server = LoopbackModelServer.StartCanned(latency);
        await using var factory = new ModelClientFactory(Catalog(server));
        var scheduler = new InProcessScheduler(new ChatClientModelInvoker(factory));
        var runner = new ArchitectureRunner();
        var architecture = Architecture();
        var query = QueryState.Start([new ChatTurn("user", "Explain why the sky is blue in two sentences.")]);

        await runner.RunAsync(architecture, query, scheduler, cancellationToken);
        var results = new List<LatencyBenchmarkResult>();
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await runner.RunAsync(architecture, query, scheduler, cancellationToken);
            clock.Stop();
            if (result.Answer is null || result.Totals.FailedCalls > 0)
            {
                throw new InvalidOperationException($"bench run failed: {string.Join("; ", result.FinalState.Notes.Select(n => n.Message))}");
            }

            results.Add(Figures(clock.Elapsed.TotalMilliseconds, result.Trace));
        }

        return results.OrderBy(r => r.MeasuredMs).ElementAt(results.Count / 2);
    }

    /// <summary>Derives the bench figures from a measured wall-clock time and the run's trace.</summary>
    public static LatencyBenchmarkResult Figures(double measuredMs, IReadOnlyList<TraceEntry> trace)
    {
        var critical = trace.GroupBy(e => e.Request.Layer).Sum(g => g.Max(e => e.Result.LatencyMs));
        var sequential = trace.Sum(e => e.Result.LatencyMs);
        return new LatencyBenchmarkResult(
            Math.Round(measuredMs, 1),
            Math.Round(critical, 1),
            Math.Round(measuredMs / critical, 3),
            Math.Round(sequential, 1),
            Math.Round(sequential / measuredMs, 2));
    }
}
