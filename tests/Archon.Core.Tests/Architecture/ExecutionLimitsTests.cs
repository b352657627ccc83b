using Archon.Core.Architecture;

namespace Archon.Core.Tests.Architecture;

public sealed class ExecutionLimitsTests
{
    private static ArchitectureConfig Parse(string json) => ArchitectureLoader.Parse(json, "test").Architecture!;

    private static ArchitectureConfig Generators(int samples, int components = 1, int layers = 1)
    {
        var layer = "[" + string.Join(",", Enumerable.Repeat($$"""{"type":"generator","model":"m","samples":{{samples}}}""", components)) + "]";
        var rest = string.Concat(Enumerable.Repeat(""",[{"type":"fuser","model":"m"}]""", layers - 1));
        return Parse($$"""{"name":"t","layers":[{{layer}}{{rest}}]}""");
    }

    [Fact]
    public void Check_EveryReferenceConfig_Accepted()
    {
        var files = Directory.EnumerateFiles(TestPaths.ConfigsDir, "*.json", SearchOption.AllDirectories).ToList();
        var loaded = files.Select(f => ArchitectureLoader.Load(f)).Where(r => r.Succeeded).Select(r => r.Architecture!).ToList();

        Assert.True(loaded.Count > 100, $"only {loaded.Count} reference configs loaded from {TestPaths.ConfigsDir}");
        Assert.Contains(loaded, a => a.Layers.Any(l => l.Components.Any(c => c.Samples == 1000)));
        Assert.All(loaded, a => Assert.Null(ExecutionLimits.Default.Check(a)));
    }

    [Fact]
    public void Check_BillionSamples_NamesTheSamplesField()
    {
        var problem = ExecutionLimits.Default.Check(Generators(1_000_000_000));

        Assert.NotNull(problem);
        Assert.Equal("architecture.layers[0][0].samples", problem.Value.Field);
        Assert.Contains("at most 1000", problem.Value.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TooManyComponents_NamesTheLayer()
    {
        var problem = new ExecutionLimits { MaxComponentsPerLayer = 3 }.Check(Generators(1, components: 4), "body");

        Assert.Equal("body.layers[0]", problem!.Value.Field);
    }

    [Fact]
    public void Check_TooManyLayers_NamesLayers()
    {
        var problem = new ExecutionLimits { MaxLayers = 2 }.Check(Generators(1, layers: 3));

        Assert.Equal("architecture.layers", problem!.Value.Field);
    }

    [Fact]
    public void Check_PlannedCallsOverLimit_RejectsWithTheCount()
    {
        // 10 components x 100 samples = 1000 candidates; a verifier then plans 2 calls per candidate.
        var architecture = Parse("""
            {"name":"t","layers":[
              [{"type":"generator","model":"m","samples":100},{"type":"generator","model":"m","samples":100},{"type":"generator","model":"m","samples":100},
               {"type":"generator","model":"m","samples":100},{"type":"generator","model":"m","samples":100},{"type":"generator","model":"m","samples":100},
               {"type":"generator","model":"m","samples":100},{"type":"generator","model":"m","samples":100},{"type":"generator","model":"m","samples":100},
               {"type":"generator","model":"m","samples":100}],
              [{"type":"verifier","model":"m"}],
              [{"type":"fuser","model":"m"}]]}
            """);

        Assert.Equal([1000L, 2000L, 1L], CallPlanner.PerLayer(architecture));
        var problem = new ExecutionLimits { MaxPlannedCallsPerQuery = 2000 }.Check(architecture);
        Assert.Equal("architecture", problem!.Value.Field);
        Assert.Contains("plans 3001 model calls", problem.Value.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void PerLayer_RankerThenUnitTests_FollowsCandidateCounts()
    {
        var architecture = Parse("""
            {"name":"t","layers":[
              [{"type":"unit_test_generator","model":"m"}],
              [{"type":"generator","model":"m","samples":8}],
              [{"type":"ranker","model":"m","top_k":3}],
              [{"type":"unit_test_evaluator","model":"m","samples":2}],
              [{"type":"fuser","model":"m","samples":2}]]}
            """);

        Assert.Equal([1L, 8L, 1L, 6L, 2L], CallPlanner.PerLayer(architecture));
    }
}
