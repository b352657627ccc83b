using Archon.Bench.Latency;
using Archon.Core.Architecture;
using Archon.Offline.Loopback;

namespace Archon.Bench.Tests.Latency;

public sealed class ClientFloorTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    private static ComponentConfig C(string type, string model, int samples = 1) => new() { Type = type, Model = model, Samples = samples };

    [Fact]
    public async Task MeasureAsync_SixSamplesUnderCapTwo_EveryPlannedCallReachesTheModelAndTakesAtLeastItsWaves()
    {
        await using var model = LoopbackModelServer.StartCanned(Latency);
        var architecture = new ArchitectureConfig { Name = "t", Layers = [new LayerConfig([C(ComponentTypes.Generator, "m", samples: 6)])] };
        var plan = CriticalPath.Compute(architecture, 2, Latency);

        var ms = await ClientFloor.MeasureAsync(plan, model.OpenAIBaseUri, cap: 2, runs: 1, default);

        // One unmeasured run and one measured run of 6 calls; 3 waves of 20 ms under a cap of 2.
        Assert.Equal(12, model.RequestCount);
        Assert.True(ms >= 3 * Latency.TotalMilliseconds, $"floor {ms} ms is shorter than 3 waves");
    }

    [Fact]
    public async Task MeasureAsync_VerifierLayer_BothStagesAreCalledForEveryCandidate()
    {
        await using var model = LoopbackModelServer.StartCanned(TimeSpan.Zero);
        var architecture = new ArchitectureConfig
        {
            Name = "t",
            Layers = [new LayerConfig([C(ComponentTypes.Generator, "g", samples: 3)]), new LayerConfig([C(ComponentTypes.Verifier, "v")])],
        };
        var plan = CriticalPath.Compute(architecture, 8, Latency);

        await ClientFloor.MeasureAsync(plan, model.OpenAIBaseUri, cap: 8, runs: 2, default);

        // 3 generations + 3 reasonings + 3 verdicts, three times (one warm-up, two measured).
        Assert.Equal(9, plan.Calls);
        Assert.Equal(27, model.RequestCount);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public async Task WhenAskedAsync_OnlyWhenAsked_MeasuresTheFloorOfThePlan(bool asked, int calls)
    {
        await using var model = LoopbackModelServer.StartCanned(TimeSpan.Zero);
        var options = new LatencyBenchOptions
        {
            Architecture = new ArchitectureConfig { Name = "t", Layers = [new LayerConfig([C(ComponentTypes.Generator, "m")])] },
            Latency = Latency,
            Runs = 1,
            ClientFloor = asked,
        };
        var measured = new LatencyBenchmarkResult(30, 20, 1.5, 20, 1, 1, "t", 1, 256, "inprocess");

        var r = await ClientFloor.WhenAskedAsync(measured, options, model.OpenAIBaseUri, default);

        Assert.Equal(calls, model.RequestCount);
        Assert.Equal(asked, r.ClientFloorRatio is not null);
        Assert.Equal(asked ? measured.WithClientFloor(r.ClientFloorMs!.Value) : measured, r);
    }

    [Theory]
    [InlineData(1900, 1800, 1.056)]
    [InlineData(0, 1800, 0)]
    [InlineData(5.44, 20, 0.27)]
    public void WithClientFloor_RatioIsThePrintedFloorOverTheCriticalPath(double floorMs, double criticalMs, double ratio)
    {
        var r = new LatencyBenchmarkResult(2000, criticalMs, 1.1, 0, 0, 1, "a", 9, 256, "inprocess").WithClientFloor(floorMs);

        Assert.Equal(Math.Round(floorMs, 1), r.ClientFloorMs);
        Assert.Equal(ratio, r.ClientFloorRatio);
    }
}
