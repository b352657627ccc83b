using System.Diagnostics;
using Archon.Bench.Latency;
using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Bench.Durable;

/// <summary>
/// `archon bench throughput`: model-call activities per second through the embedded Durable host with zero model
/// latency, and process CPU milliseconds per activity. Runs <see cref="ThroughputOptions.Orchestrations"/> inference
/// orchestrations at once, each an 8-generator layer plus a fuser (9 model-call activities and one SaveTrace),
/// after warm-up rounds (until the JIT has settled, <see cref="JitWarmup"/>) so JIT and connection setup are not counted.
/// </summary>
public static class ThroughputBenchmark
{
    public static ArchitectureConfig Architecture { get; } = new()
    {
        Name = "throughput-8x1",
        Layers =
        [
            new LayerConfig(Enumerable.Range(0, 8).Select(i => new ComponentConfig { Type = "generator", Model = $"bench-{i}" }).ToList()),
            new LayerConfig([new ComponentConfig { Type = "fuser", Model = "bench-fuser" }]),
        ],
    };

    public static async Task<ThroughputResult> RunAsync(ThroughputOptions options, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), $"archon-bench-{Guid.NewGuid():N}");
        var invoker = new InstantInvoker();
        try
        {
            await using var host = await EmbeddedDurableHost.StartAsync(services =>
            {
                services.AddSingleton<IModelInvoker>(invoker);
                services.AddSingleton<IResultStore>(new FileResultStore(root));
                services.AddSingleton<IArchitectureCatalog>(new InMemoryArchitectureCatalog([Architecture]));
            }, cancellationToken: cancellationToken).ConfigureAwait(false);

            await JitWarmup.RunAsync(
                w => RoundAsync(host.Client, $"warmup-{w}", Math.Min(options.Orchestrations, 20), cancellationToken), options.MaxWarmupRounds).ConfigureAwait(false);
            var callsBefore = invoker.Calls;
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            await RoundAsync(host.Client, "run", options.Orchestrations, cancellationToken).ConfigureAwait(false);
            wall.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var activities = invoker.Calls - callsBefore;
            return new ThroughputResult(
                activities,
                options.Orchestrations,
                wall.Elapsed.TotalSeconds,
                activities / wall.Elapsed.TotalSeconds,
                cpu.TotalMilliseconds / activities,
                Environment.ProcessorCount);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task RoundAsync(DurableTaskClient client, string prefix, int count, CancellationToken cancellationToken)
    {
        var request = new InferenceRequest([new ChatTurn("user", "What is 2+2?")], Architecture);
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        await Task.WhenAll(ids.Select(id => client.ScheduleNewOrchestrationInstanceAsync(
            nameof(InferenceOrchestration), request, new StartOrchestrationOptions(id), cancellationToken))).ConfigureAwait(false);
        var done = await Task.WhenAll(ids.Select(id => client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, cancellationToken))).ConfigureAwait(false);
        var failed = done.Where(d => d.RuntimeStatus != OrchestrationRuntimeStatus.Completed).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"{failed.Count} benchmark orchestrations did not complete: {failed[0].FailureDetails?.ErrorMessage}");
        }
    }
}

/// <summary>Orchestrations in the measured round, and the most warm-up rounds of up to 20 (they stop once the JIT has settled).</summary>
public sealed record ThroughputOptions(int Orchestrations = 200, int MaxWarmupRounds = 15);

/// <summary>JSON names match `archon bench throughput --json`.</summary>
public sealed record ThroughputResult(
    long Activities,
    int Orchestrations,
    double WallSeconds,
    double ActivitiesPerSecond,
    double CpuMsPerActivity,
    int ProcessorCount);
