using Archon.Bench.Durable;

namespace Archon.Bench.Tests.Durable;

/// <summary>The benchmarks' bookkeeping (counts, figures), on tiny runs; speed goals live in `archon bench`, not here.</summary>
public sealed class BenchmarkTests
{
    [Fact]
    public async Task ThroughputBenchmark_SmallRun_CountsNineModelCallActivitiesPerOrchestration()
    {
        var result = await ThroughputBenchmark.RunAsync(new ThroughputOptions(Orchestrations: 6), default);

        Assert.Equal(54, result.Activities);
        Assert.Equal(6, result.Orchestrations);
        Assert.True(result.ActivitiesPerSecond > 0);
        Assert.True(result.CpuMsPerActivity > 0);
        Assert.Equal(result.Activities / result.WallSeconds, result.ActivitiesPerSecond, 6);
    }

    [Fact]
    public async Task DurableLatencyBenchmark_OneRun_CriticalPathCoversFourLayersOfLatency()
    {
        var result = await DurableLatencyBenchmark.RunAsync(TimeSpan.FromMilliseconds(30), runs: 1, default);

        // 4 sequential layers of at least 30 ms each; the wall clock cannot beat the critical path.
        Assert.True(result.CriticalPathMs >= 120, $"critical path {result.CriticalPathMs} ms");
        Assert.True(result.MeasuredMs >= result.CriticalPathMs, $"measured {result.MeasuredMs} < critical {result.CriticalPathMs}");
        Assert.True(result.SequentialMs >= 11 * 30, $"sequential {result.SequentialMs} ms");
    }
}
