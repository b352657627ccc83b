using Archon.Hosting;
using Microsoft.Extensions.Configuration;
using System.Diagnostics;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Offline.Loopback;
using Archon.Bench.Latency;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Bench.Durable;

/// <summary>
/// `archon bench latency --host durable`: the core latency benchmark (8 generators → critic → ranker → fuser against a
/// fixed-latency loopback endpoint, full provider stack) run through the embedded Durable host, one model-call activity
/// per call. Measured = schedule to completion (trace save included); critical path and the other figures come from
/// the stored trace with the core's <see cref="LatencyBenchmark.Figures"/>, so both hosts are judged alike.
/// </summary>
public static class DurableLatencyBenchmark
{
    public static async Task<LatencyBenchmarkResult> RunAsync(TimeSpan latency, int runs, CancellationToken cancellationToken)
    {
        await using var server = LoopbackModelServer.StartCanned(latency);
        var catalog = LatencyBenchmark.Catalog(server);
        var root = Path.Combine(Path.GetTempPath(), $"archon-bench-latency-{Guid.NewGuid():N}");
        var store = new FileResultStore(root);
        var architecture = LatencyBenchmark.Architecture();
        try
        {
            await using var host = await EmbeddedDurableHost.StartAsync(services =>
            {
                services.AddSingleton<IResultStore>(store);
                // The hosts' composition root; no response cache, so every run pays its calls.
                services.AddArchon(new ConfigurationBuilder().Build(), o =>
                {
                    o.Catalog = catalog;
                    o.Cache = ResponseCacheLocation.None;
                });
                services.AddSingleton<IArchitectureCatalog>(new InMemoryArchitectureCatalog([architecture]));
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
            var request = new InferenceRequest([new ChatTurn("user", "Explain why the sky is blue in two sentences.")], architecture);

            await RunOnceAsync(host, store, request, "latency-warmup", cancellationToken).ConfigureAwait(false);
            var results = new List<LatencyBenchmarkResult>();
            for (var i = 0; i < Math.Max(1, runs); i++)
            {
                var clock = Stopwatch.StartNew();
                var trace = await RunOnceAsync(host, store, request, $"latency-{i}", cancellationToken).ConfigureAwait(false);
                clock.Stop();
                results.Add(LatencyBenchmark.Figures(clock.Elapsed.TotalMilliseconds, trace));
            }

            return results.OrderBy(r => r.MeasuredMs).ElementAt(results.Count / 2);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<IReadOnlyList<TraceEntry>> RunOnceAsync(
        EmbeddedDurableHost host, IResultStore store, InferenceRequest request, string id, CancellationToken cancellationToken)
    {
        var outcome = await DurableInference.RunAsync(host.Client, store, request, id, cancellationToken).ConfigureAwait(false);
        if (outcome.Result is not { Answer: not null } result || result.Totals.FailedCalls > 0)
        {
            throw new InvalidOperationException($"bench run failed: {outcome.Error ?? string.Join("; ", outcome.Result?.FinalState.Notes.Select(n => n.Message) ?? [])}");
        }

        return result.Trace;
    }
}
