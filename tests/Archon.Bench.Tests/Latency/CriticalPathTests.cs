using Archon.Bench.Latency;
using Archon.Core.Architecture;

namespace Archon.Bench.Tests.Latency;

public sealed class CriticalPathTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    private static ComponentConfig C(string type, string model, int samples = 1) => new() { Type = type, Model = model, Samples = samples };

    private static ArchitectureConfig Arch(params LayerConfig[] layers) => new() { Name = "t", Layers = layers };

    [Fact]
    public void Compute_FixedBenchArchitecture_OneWavePerLayer()
    {
        var plan = CriticalPath.Compute(LatencyBenchmark.Architecture(), 256, Latency);

        Assert.Equal(11, plan.Calls);
        Assert.Equal([1, 1, 1, 1], plan.Layers.Select(l => l.Waves));
        Assert.Equal(800, plan.Milliseconds);
    }

    [Fact]
    public void Compute_TwoThousandOneCallSample_NineWavesUnderCap256()
    {
        var loaded = ArchitectureLoader.Load(Path.Combine(TestPaths.RepoRoot, "samples", "bench", "unit-tests-1000-samples-2001-calls.json"));
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors));

        var plan = CriticalPath.Compute(loaded.Architecture!, 256, Latency);

        // Unit-test generator: 1 call; 1,000 samples: ceil(1000/256) = 4 waves; 1,000 evaluations: 4 waves.
        Assert.Equal(2001, plan.Calls);
        Assert.Equal([1, 4, 4], plan.Layers.Select(l => l.Waves));
        Assert.Equal(1800, plan.Milliseconds);
    }

    [Fact]
    public void Compute_VerifierAfterGenerators_StagesGiveEachModelItsCallsInOrder()
    {
        var generators = new LayerConfig([C(ComponentTypes.Generator, "a", 3), C(ComponentTypes.Generator, "b", 2)]);
        var plan = CriticalPath.Compute(Arch(generators, new LayerConfig([C(ComponentTypes.Verifier, "v")])), 256, Latency);

        Assert.Equal([new Dictionary<string, int> { ["a"] = 3, ["b"] = 2 }], plan.Layers[0].Stages);
        Assert.Equal([new Dictionary<string, int> { ["v"] = 5 }, new Dictionary<string, int> { ["v"] = 5 }], plan.Layers[1].Stages);
        Assert.All(plan.Layers, l => Assert.Equal(l.Calls, l.Stages.Sum(s => s.Values.Sum())));
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(999, 2)]
    [InlineData(1000, 1)]
    [InlineData(4096, 1)]
    public void Compute_OneModelManySamples_WavesAreCallsOverCapRoundedUp(int cap, int waves)
    {
        var plan = CriticalPath.Compute(Arch(new LayerConfig([C(ComponentTypes.Generator, "m", samples: 1000)])), cap, Latency);

        Assert.Equal(waves, plan.Waves);
        Assert.Equal(waves * 200, plan.Milliseconds);
    }

    [Fact]
    public void Compute_ComponentsShareAModel_TheirCallsShareItsCap()
    {
        var shared = Arch(new LayerConfig([C(ComponentTypes.Generator, "m", 3), C(ComponentTypes.Generator, "m", 3)]));
        var separate = Arch(new LayerConfig([C(ComponentTypes.Generator, "a", 3), C(ComponentTypes.Generator, "b", 3)]));

        Assert.Equal(2, CriticalPath.Compute(shared, 4, Latency).Waves);
        Assert.Equal(1, CriticalPath.Compute(separate, 4, Latency).Waves);
    }

    [Fact]
    public void Compute_VerifierAfterRanker_TwoStagesOverTheRankersTopK()
    {
        var arch = Arch(
            new LayerConfig([C(ComponentTypes.Generator, "g", 10)]),
            new LayerConfig([C(ComponentTypes.Ranker, "r") with { TopK = 3 }]),
            new LayerConfig([C(ComponentTypes.Verifier, "v")]));

        var plan = CriticalPath.Compute(arch, 2, Latency);

        // 10 samples in 5 waves of 2; one ranker call; the verifier reasons about 3 candidates, then gives 3 verdicts.
        Assert.Equal([10, 1, 6], plan.Layers.Select(l => l.Calls));
        Assert.Equal([5, 1, 4], plan.Layers.Select(l => l.Waves));
    }

    [Fact]
    public void Compute_NoCandidatesToRead_CriticMakesNoCall()
    {
        var plan = CriticalPath.Compute(Arch(new LayerConfig([C(ComponentTypes.Critic, "c")])), 8, Latency);

        Assert.Equal(0, plan.Calls);
        Assert.Equal(0, plan.Waves);
    }

    [Fact]
    public void Compute_CapBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CriticalPath.Compute(LatencyBenchmark.Architecture(), 0, Latency));
    }
}
