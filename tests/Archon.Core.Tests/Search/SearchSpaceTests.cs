using Archon.Bench.Search;
using Archon.Core.Search;
using Archon.Core.Execution;

namespace Archon.Core.Tests.Search;

public sealed class SearchSpaceTests
{
    private static readonly ArchitectureEncoder Encoder = new(LandscapeFleet.Ranking());

    [Fact]
    public void Constructor_DefaultBounds_HasPaperSpaceSize()
    {
        var space = new SearchSpace(new SearchSpaceBounds(), Encoder);
        Assert.Equal(9576, space.Count);
        Assert.All(space.Points, p => Assert.True(p.InitialCandidates <= 24));
        Assert.Equal(space.Count, space.Points.Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public void Constructor_WithCallBudget_RemovesViolatorsFromSpace()
    {
        var full = new SearchSpace(new SearchSpaceBounds(), Encoder);
        var budget = new QueryBudget { MaxCalls = 20, MaxCostUsd = 0.02m };
        var pruned = new SearchSpace(new SearchSpaceBounds(), Encoder, budget);
        Assert.True(pruned.Count < full.Count);
        Assert.True(pruned.Count > 0);
        Assert.All(pruned.Estimates, e => Assert.True(e.Calls <= 20 && e.Dollars <= 0.02));
        var removed = full.Points.Where(p => !pruned.Contains(p)).ToList();
        Assert.All(removed, p => Assert.False(Encoder.Estimate(p).Within(budget)));
    }

    [Fact]
    public void EncodeDecode_EveryPoint_RoundTrips()
    {
        var space = new SearchSpace(new SearchSpaceBounds(), Encoder);
        foreach (var point in space.Points)
        {
            var config = Encoder.Encode(point);
            Assert.Equal(point, ArchitectureEncoder.Decode(config));
            Assert.Equal(point, SearchPoint.TryParse(point.Key));
        }
    }

    [Fact]
    public void Encode_TwoLayerRankerVerifier_BuildsExpectedLayers()
    {
        var point = new SearchPoint(3, 2, 2, 4, PreFuserOption.CriticRanker, EvaluationOption.Verifier);
        var config = Encoder.Encode(point);
        Assert.Equal(["generator", "critic", "ranker", "fuser", "verifier", "fuser"], config.Layers.Select(l => l.Components[0].Type));
        Assert.Equal(3, config.Layers[0].Components.Count);
        Assert.All(config.Layers[0].Components, c => Assert.Equal(2, c.Samples));
        Assert.Equal(4, config.Layers[3].Components.Sum(c => c.Samples));
        Assert.Single(config.Layers[^1].Components);
        Assert.True(config.Layers[2].Components[0].UseCritiques);
        Assert.Equal(5, config.Layers[2].Components[0].TopK);
    }

    [Fact]
    public void Estimate_CountsCallsPerLayer()
    {
        // 3×2 generators, ranker (1), 4 fusers, verifier over 4 candidates (reasoning + verdict each), final fuser.
        var estimate = Encoder.Estimate(new SearchPoint(3, 2, 2, 4, PreFuserOption.Ranker, EvaluationOption.Verifier));
        Assert.Equal([6, 1, 4, 8, 1], estimate.LayerCalls);
        Assert.Equal(20, estimate.Calls);
        Assert.True(estimate.Dollars > 0);
    }

    [Fact]
    public void SearchPoint_SingleFusionLayer_IgnoresFuserWidth()
    {
        Assert.Equal(new SearchPoint(2, 1, 1, 7, PreFuserOption.None, EvaluationOption.None),
            new SearchPoint(2, 1, 1, 3, PreFuserOption.None, EvaluationOption.None));
    }

    [Fact]
    public void PrefixKey_SharedFirstLayers_MatchAndDivergeAfter()
    {
        var a = Encoder.Encode(new SearchPoint(3, 2, 2, 4, PreFuserOption.Ranker, EvaluationOption.None));
        var b = Encoder.Encode(new SearchPoint(3, 2, 3, 4, PreFuserOption.Ranker, EvaluationOption.Verifier));
        Assert.Equal(PrefixKey.For(a, 3), PrefixKey.For(b, 3));
        Assert.NotEqual(PrefixKey.For(a, 4), PrefixKey.For(b, 4));
    }
}
