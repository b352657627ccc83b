using Archon.Bench.Durable;
using Archon.Bench.Latency;
using Archon.Core.Architecture;

namespace Archon.Bench.Tests.Durable;

/// <summary>The benchmarks' bookkeeping (counts, figures), on tiny runs; speed goals live in `archon bench`, not here.</summary>
public sealed class BenchmarkTests
{
    [Fact]
    public async Task ThroughputBenchmark_SmallRun_CountsNineModelCallActivitiesPerOrchestration()
    {
        var result = await ThroughputBenchmark.RunAsync(new ThroughputOptions(Orchestrations: 6, MaxWarmupRounds: 1), default);

        Assert.Equal(54, result.Activities);
        Assert.Equal(6, result.Orchestrations);
        Assert.True(result.ActivitiesPerSecond > 0);
        Assert.True(result.CpuMsPerActivity > 0);
        Assert.Equal(result.Activities / result.WallSeconds, result.ActivitiesPerSecond, 6);
    }

    [Fact]
    public async Task DurableLatencyBenchmark_OneRun_CriticalPathCoversFourLayersOfLatency()
    {
        var result = await DurableLatencyBenchmark.RunAsync(new LatencyBenchOptions { Latency = TimeSpan.FromMilliseconds(30), Runs = 1, MaxWarmupRuns = 1 }, default);

        // 4 sequential layers of one wave of 30 ms each; the wall clock cannot beat the critical path.
        Assert.Equal(120, result.CriticalPathMs);
        Assert.Equal(11, result.Calls);
        Assert.Equal("durable", result.Host);
        Assert.True(result.MeasuredMs >= result.CriticalPathMs, $"measured {result.MeasuredMs} < critical {result.CriticalPathMs}");
        Assert.True(result.SequentialMs >= 11 * 30, $"sequential {result.SequentialMs} ms");
    }

    [Fact]
    public async Task DurableLatencyBenchmark_LayerAboveTheBatchThreshold_EveryCallIsInTheStoredTrace()
    {
        // 40 samples go out as batched model-call activities; the trace assembled from the store must still hold each call.
        var architecture = new ArchitectureConfig
        {
            Name = "forty-samples-then-fuser",
            Layers =
            [
                new LayerConfig([new ComponentConfig { Type = ComponentTypes.Generator, Model = "bench/g", Samples = 40 }]),
                new LayerConfig([new ComponentConfig { Type = ComponentTypes.Fuser, Model = "bench/f" }]),
            ],
        };

        var result = await DurableLatencyBenchmark.RunAsync(
            new LatencyBenchOptions { Architecture = architecture, Latency = TimeSpan.FromMilliseconds(5), MaxConcurrency = 16, Runs = 1, MaxWarmupRuns = 1 }, default);

        Assert.Equal(41, result.Calls);
        Assert.Equal(4, result.Waves);
        Assert.True(result.MeasuredMs >= result.CriticalPathMs, $"measured {result.MeasuredMs} < critical {result.CriticalPathMs}");
    }
}
