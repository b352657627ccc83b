using System.Diagnostics;
using Archon.Bench.Latency;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Core.Storage;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.Hosting;
using Archon.LocalHost;
using Archon.Offline.Loopback;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Bench.Durable;

/// <summary>
/// `archon bench latency --host durable`: the latency benchmark (<see cref="LatencyBenchmark"/>: an architecture against
/// a fixed-latency loopback endpoint, full provider stack, per-model cap) run through the embedded Durable host, one
/// model-call activity per call, every call's trace entry and the assembled trace written to a file store.
/// Host start-up and the warm-up queries (until the JIT settled, <see cref="JitWarmup"/>) are not measured;
/// measured = schedule to completion (trace save included, the read-back of the trace for the figures excluded); the
/// median of the runs is reported.
/// </summary>
public static class DurableLatencyBenchmark
{
    public const string DurableHost = "durable";

    public static async Task<LatencyBenchmarkResult> RunAsync(LatencyBenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = options.Plan();
        await using var server = LoopbackModelServer.StartCanned(options.Latency);
        var catalog = LatencyBenchmark.Catalog(server, options.MaxConcurrency);
        var root = Path.Combine(Path.GetTempPath(), $"archon-bench-latency-{Guid.NewGuid():N}");
        var store = new FileResultStore(root);
        var architecture = options.ArchitectureOrDefault;
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
            var request = new InferenceRequest(LatencyBenchmark.Prompt, architecture);

            var warmups = await JitWarmup.RunAsync(
                w => RunOnceAsync(host.Client, request, $"latency-warmup-{w}", cancellationToken), options.MaxWarmupRuns).ConfigureAwait(false);
            var results = new List<LatencyBenchmarkResult>();
            for (var i = 0; i < Math.Max(1, options.Runs); i++)
            {
                var sent = TimeProvider.System.GetUtcNow();
                var clock = Stopwatch.StartNew();
                var output = await RunOnceAsync(host.Client, request, $"latency-{i}", cancellationToken).ConfigureAwait(false);
                clock.Stop();
                var trace = await ReadTraceAsync(store, output, cancellationToken).ConfigureAwait(false);
                results.Add(LatencyBenchmark.Figures(
                    clock.Elapsed.TotalMilliseconds, trace, plan, architecture.Name, options.MaxConcurrency, DurableHost, sent));
            }

            var measured = LatencyBenchmark.Median(results) with { WarmupRuns = warmups };
            return await ClientFloor.WhenAskedAsync(measured, options, server.OpenAIBaseUri, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<InferenceResult> RunOnceAsync(DurableTaskClient client, InferenceRequest request, string id, CancellationToken cancellationToken)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration), request, new StartOrchestrationOptions(id), cancellationToken)
            .ConfigureAwait(false);
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<InferenceResult>() is not { Answer: not null } output)
        {
            throw new InvalidOperationException($"bench run {id} failed: {done.FailureDetails?.ErrorMessage ?? done.RuntimeStatus.ToString()}");
        }

        return output;
    }

    private static async Task<IReadOnlyList<TraceEntry>> ReadTraceAsync(FileResultStore store, InferenceResult output, CancellationToken cancellationToken)
    {
        var saved = await store.GetJsonAsync<SaveTraceRequest>(output.Trace, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"trace {output.Trace} is missing from {store.Location}");
        if (saved.Usage.FailedCalls > 0)
        {
            throw new InvalidOperationException($"bench run failed: {saved.Usage.FailedCalls} of {saved.Trace.Count} model calls failed");
        }

        return saved.Trace;
    }
}
