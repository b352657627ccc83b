using Archon.Core.Execution;
using Archon.Core.Providers.Loopback;

namespace Archon.Core.Tests.Loopback;

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
        Assert.Equal(Math.Round(r.MeasuredMs / r.CriticalPathMs, 3), r.Ratio, 2);
        Assert.True(r.SpeedupVsSequential > 1, $"8 parallel generators must beat one-after-another (speedup {r.SpeedupVsSequential})");
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
