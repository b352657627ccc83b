using Archon.Core.Execution;
using Archon.Offline.Loopback;
using Archon.Bench.Latency;

namespace Archon.Bench.Tests.Latency;

public sealed class LatencyBenchmarkTests
{
    [Fact]
    public async Task RunAsync_ShortLatency_FiguresAreConsistentWithTheSchedule()
    {
        var latency = TimeSpan.FromMilliseconds(30);

        var r = await LatencyBenchmark.RunAsync(latency, runs: 1, CancellationToken.None);

        // Four layers, each at least one call of the fixed latency; eleven calls in the sequential schedule.
        Assert.True(r.CriticalPathMs >= 4 * 30, $"critical path {r.CriticalPathMs}");
        Assert.True(r.SequentialMs >= 11 * 30, $"sequential {r.SequentialMs}");
        Assert.True(r.MeasuredMs >= r.CriticalPathMs * 0.99, "measured time cannot beat the critical path");
        // Figures are rounded for display, so ratios recomputed from them agree only up to that rounding.
        Assert.Equal(r.MeasuredMs / r.CriticalPathMs, r.Ratio, 0.01);
        Assert.Equal(r.SequentialMs / r.MeasuredMs, r.SpeedupVsSequential, 0.02);
    }

    [Fact]
    public void Figures_FromTrace_SumSlowestPerLayerAndAll()
    {
        static TraceEntry E(int layer, double ms) => new(
            new ModelCallRequest($"L{layer}", "m", [], 0, 1, 0, "generator", layer),
            new ModelCallResult($"L{layer}", "x", 1, 1, 0m, ms, 0, false, null, DateTimeOffset.UnixEpoch));

        var r = LatencyBenchmark.Figures(330, [E(0, 100), E(0, 120), E(1, 200)]);

        Assert.Equal(new LatencyBenchmarkResult(330, 320, 1.031, 420, 1.27), r);
    }
}
