using Archon.Bench.Latency;
using Archon.Core.Architecture;
using Archon.Core.Execution;

namespace Archon.Bench.Tests.Latency;

public sealed class LatencyBenchmarkTests
{
    [Fact]
    public async Task RunAsync_ShortLatency_FiguresAreConsistentWithTheSchedule()
    {
        var r = await LatencyBenchmark.RunAsync(new LatencyBenchOptions { Latency = TimeSpan.FromMilliseconds(30), Runs = 1, MaxWarmupRuns = 1 }, CancellationToken.None);

        // Four layers of one wave each at the fixed latency; eleven calls.
        Assert.Equal(4 * 30, r.CriticalPathMs);
        Assert.Equal(11, r.Calls);
        Assert.Equal(4, r.Waves);
        Assert.Equal("inprocess", r.Host);
        Assert.Equal(LatencyBenchmark.Architecture().Name, r.Architecture);
        Assert.True(r.SequentialMs >= 11 * 30, $"sequential {r.SequentialMs}");
        Assert.True(r.MeasuredMs >= r.CriticalPathMs * 0.99, "measured time cannot beat the critical path");
        // Figures are rounded for display, so ratios recomputed from them agree only up to that rounding.
        Assert.Equal(r.MeasuredMs / r.CriticalPathMs, r.Ratio, 0.01);
        Assert.Equal(r.SequentialMs / r.MeasuredMs, r.SpeedupVsSequential, 0.02);
    }

    [Fact]
    public async Task RunAsync_SamplesAboveTheCap_RunInWavesAndCannotBeatThem()
    {
        var architecture = new ArchitectureConfig
        {
            Name = "six-samples-then-fuser",
            Layers =
            [
                new LayerConfig([new ComponentConfig { Type = ComponentTypes.Generator, Model = "bench/g", Samples = 6 }]),
                new LayerConfig([new ComponentConfig { Type = ComponentTypes.Fuser, Model = "bench/f" }]),
            ],
        };

        var r = await LatencyBenchmark.RunAsync(
            new LatencyBenchOptions { Architecture = architecture, Latency = TimeSpan.FromMilliseconds(20), MaxConcurrency = 2, Runs = 1, MaxWarmupRuns = 1 }, CancellationToken.None);

        // Cap 2: the six samples need three waves, then one for the fuser; the wall clock cannot beat four waves.
        Assert.Equal(7, r.Calls);
        Assert.Equal(4, r.Waves);
        Assert.Equal(80, r.CriticalPathMs);
        Assert.True(r.MeasuredMs >= 80 * 0.99, $"measured {r.MeasuredMs} ms beat four waves of 20 ms");
    }

    [Fact]
    public void Figures_FromTraceAndPlan_CriticalPathIsThePlanSequentialIsTheTrace()
    {
        static TraceEntry E(int layer, double ms) => new(
            new ModelCallRequest($"L{layer}", "m", [], 0, 1, 0, "generator", layer),
            new ModelCallResult($"L{layer}", "x", 1, 1, 0m, ms, 0, false, null, DateTimeOffset.UnixEpoch));
        var plan = new CriticalPathPlan([new CriticalPathLayer(2, 1), new CriticalPathLayer(1, 1)], 3, 2, 300);

        var r = LatencyBenchmark.Figures(330, [E(0, 100), E(0, 120), E(1, 200)], plan, "a", 8, "durable");

        Assert.Equal(new LatencyBenchmarkResult(330, 300, 1.1, 420, 1.27, 3, "a", 2, 8, "durable"), r);
    }

    [Fact]
    public void Figures_WithTheRunStart_SpansEachLayerFromFirstStartToLastEnd()
    {
        var sent = DateTimeOffset.UnixEpoch;
        static TraceEntry E(int layer, double startMs, double ms) => new(
            new ModelCallRequest($"L{layer}.{startMs}", "m", [], 0, 1, 0, "generator", layer),
            new ModelCallResult($"L{layer}.{startMs}", "x", 1, 1, 0m, ms, 0, false, null, DateTimeOffset.UnixEpoch.AddMilliseconds(startMs)));
        var plan = new CriticalPathPlan([new CriticalPathLayer(2, 1), new CriticalPathLayer(1, 1)], 3, 2, 300);

        var r = LatencyBenchmark.Figures(400, [E(1, 230, 200), E(0, 4, 100), E(0, 10, 120), E(1, 250, 210)], plan, "a", 8, "durable", sent);

        Assert.Equal([new LayerSpan(0, 2, 4, 130), new LayerSpan(1, 2, 230, 460)], r.Layers!);
    }
}
