using System.Diagnostics;
using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Offline.Loopback;

namespace Archon.Bench.Latency;

/// <summary>
/// Runs an architecture (default: 8 generators → critic → ranker → fuser) against an in-process loopback endpoint with
/// a fixed per-call latency, through the real OpenAI client path and the full provider stack (per-model cap included),
/// and compares the wall-clock time with the critical path (<see cref="CriticalPath"/>) and with a sequential schedule.
/// One warm-up run (JIT, connections) is not counted; the reported run is the median of the runs by measured time.
/// </summary>
public static class LatencyBenchmark
{
    public const int Generators = 8;
    public const string InProcessHost = "inprocess";

    /// <summary>The one prompt every latency run answers.</summary>
    public static IReadOnlyList<ChatTurn> Prompt { get; } = [new ChatTurn("user", "Explain why the sky is blue in two sentences.")];

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
    /// stack, each model with its own cap of <paramref name="maxConcurrency"/> calls in flight (the in-process and
    /// durable benches share it so both measure the same path).
    /// </summary>
    public static ModelCatalog Catalog(LoopbackModelServer server, int maxConcurrency = LatencyBenchOptions.DefaultMaxConcurrency)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new([new ModelEntry
        {
            Id = ModelCatalog.Wildcard, Provider = "openai-compatible", Endpoint = server.OpenAIBaseUri.ToString(), MaxConcurrency = maxConcurrency,
        }], "bench (in-process loopback endpoint)");
    }

    public static async Task<LatencyBenchmarkResult> RunAsync(LatencyBenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = options.Plan();
        await using var server = LoopbackModelServer.StartCanned(options.Latency);
        await using var factory = new ModelClientFactory(Catalog(server, options.MaxConcurrency));
        var scheduler = new InProcessScheduler(new ChatClientModelInvoker(factory));
        var runner = new ArchitectureRunner();
        var architecture = options.ArchitectureOrDefault;
        var query = QueryState.Start(Prompt);

        var warmups = await JitWarmup.RunAsync(
            _ => runner.RunAsync(architecture, query, scheduler, cancellationToken), options.MaxWarmupRuns).ConfigureAwait(false);
        var results = new List<LatencyBenchmarkResult>();
        for (var i = 0; i < Math.Max(1, options.Runs); i++)
        {
            var sent = TimeProvider.System.GetUtcNow();
            var clock = Stopwatch.StartNew();
            var result = await runner.RunAsync(architecture, query, scheduler, cancellationToken).ConfigureAwait(false);
            clock.Stop();
            if (result.Answer is null || result.Totals.FailedCalls > 0)
            {
                throw new InvalidOperationException($"bench run failed: {string.Join("; ", result.FinalState.Notes.Select(n => n.Message))}");
            }

            results.Add(Figures(clock.Elapsed.TotalMilliseconds, result.Trace, plan, architecture.Name, options.MaxConcurrency, InProcessHost, sent));
        }

        var measured = Median(results) with { WarmupRuns = warmups };
        return await ClientFloor.WhenAskedAsync(measured, options, server.OpenAIBaseUri, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The run with the median measured time.</summary>
    public static LatencyBenchmarkResult Median(IReadOnlyList<LatencyBenchmarkResult> results) =>
        results.OrderBy(r => r.MeasuredMs).ElementAt(results.Count / 2);

    /// <summary>
    /// Derives the bench figures from a measured wall-clock time, the run's trace and the planned critical path; with
    /// <paramref name="runStart"/> (when the query was sent, on the clock the trace's start times use) also the layer spans.
    /// </summary>
    public static LatencyBenchmarkResult Figures(
        double measuredMs, IReadOnlyList<TraceEntry> trace, CriticalPathPlan plan, string architecture, int maxConcurrency, string host,
        DateTimeOffset? runStart = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(plan);
        var critical = plan.Milliseconds;
        var sequential = trace.Sum(e => e.Result.LatencyMs);
        return new LatencyBenchmarkResult(
            Math.Round(measuredMs, 1),
            Math.Round(critical, 1),
            critical > 0 ? Math.Round(measuredMs / critical, 3) : 0,
            Math.Round(sequential, 1),
            measuredMs > 0 ? Math.Round(sequential / measuredMs, 2) : 0,
            trace.Count,
            architecture,
            plan.Waves,
            maxConcurrency,
            host,
            runStart is { } start ? Spans(trace, start) : null);
    }

    /// <summary>Per layer: calls, first start and last end, in milliseconds from <paramref name="start"/>.</summary>
    public static IReadOnlyList<LayerSpan> Spans(IReadOnlyList<TraceEntry> trace, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return [.. trace.GroupBy(e => e.Request.Layer).OrderBy(g => g.Key).Select(g => new LayerSpan(
            g.Key,
            g.Count(),
            Math.Round(g.Min(e => (e.Result.StartedAt - start).TotalMilliseconds), 1),
            Math.Round(g.Max(e => (e.Result.StartedAt - start).TotalMilliseconds + e.Result.LatencyMs), 1)))];
    }
}
