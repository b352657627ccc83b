using Archon.Bench.Search;
using Archon.Core.Search;
using Archon.Core.Execution;

namespace Archon.Core.Tests.Search;

public sealed class SearchSpaceTests
{
    private static readonly ArchitectureEncoder Encoder = new(LandscapeFleet.Ranking());

    /// <summary>Size from the axes alone: (g, s) pairs within the cap × non-increasing width sequences (multisets,
    /// C(|W| + d − 1, d)) × pre-fusion choices × evaluation layers × ranker top-k where a slot ranks.</summary>
    private static long ExpectedSize(SearchSpaceBounds b)
    {
        static long Choose(long n, long k)
        {
            long r = 1;
            for (var i = 1; i <= k; i++) r = r * (n - k + i) / i;
            return r;
        }

        var pairs = b.Generators.SelectMany(g => b.Samples.Select(s => g * s)).Count(c => b.MaxInitialCandidates is not { } cap || c <= cap);
        var ranking = b.PreFuser.Count(SearchPoint.HasRanker);
        long total = 0;
        foreach (var l in b.FusionLayers)
        {
            var slots = Math.Max(1, l - 1);
            long withRanker, withoutRanker;
            if (b.PreFusionMode == PreFusionMode.AllLayers)
            {
                withRanker = ranking;
                withoutRanker = b.PreFuser.Count - ranking;
            }
            else
            {
                withoutRanker = (long)Math.Pow(b.PreFuser.Count - ranking, slots);
                withRanker = (long)Math.Pow(b.PreFuser.Count, slots) - withoutRanker;
            }

            var pre = withRanker * b.RankerTopK.Count + withoutRanker;
            total += pairs * Choose(b.FusionWidths.Count + l - 2, l - 1) * pre * b.Evaluation.Count;
        }

        return total;
    }

    public static TheoryData<string> Shapes => new() { "default", "per_layer", "code" };

    private static SearchSpaceBounds Shape(string name) => name switch
    {
        "per_layer" => new SearchSpaceBounds
        {
            PreFuser = [PreFuserOption.None, PreFuserOption.Critic, PreFuserOption.Ranker, PreFuserOption.CriticRanker],
            PreFusionMode = PreFusionMode.PerLayer,
        },
        "code" => new SearchSpaceBounds { Generators = [1, 2, 3], Samples = [1, 10, 100, 500, 1000], MaxInitialCandidates = null, FusionLayers = [1, 2] },
        _ => new SearchSpaceBounds(),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Constructor_Axes_SizeIsAxisProductMinusConstraintViolations(string shape)
    {
        var bounds = Shape(shape);
        var space = new SearchSpace(bounds, Encoder);

        Assert.Equal(ExpectedSize(bounds), space.Count);
        Assert.Equal(space.Product, space.Count + space.RemovedByConstraint.Values.Sum());
        Assert.Equal(space.Count, space.Points.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(space.Points, p => Assert.Null(SpaceEnumerator.FirstViolation(bounds, p)));
    }

    [Fact]
    public void Constructor_SecondRankerTopK_AddsOnlyArchitecturesWhoseRankersReceiveMore()
    {
        var one = new SearchSpace(Shape("per_layer"), Encoder);
        var two = new SearchSpace(Shape("per_layer") with { RankerTopK = [3, 5] }, Encoder);

        // k = 3 and k = 5 build different architectures only where some ranker receives more than 3 candidates.
        var distinct = one.Points.Count(p => p.RankerTopK > 0 && SpaceEnumerator.MaxRankerInput(p.InitialCandidates, p.Widths, p.PreFusion) > 3);
        Assert.Equal(one.Count + distinct, two.Count);
        Assert.Equal(two.Product, two.Count + two.RemovedByConstraint.Values.Sum());
    }

    [Fact]
    public void Constructor_DefaultBounds_PrunesIncreasingWidthsAndTheCandidateCap()
    {
        var space = new SearchSpace(new SearchSpaceBounds(), Encoder);

        Assert.All(space.Points, p => Assert.True(p.InitialCandidates <= 24));
        Assert.All(space.Points, p => Assert.Equal(p.Widths.OrderDescending(), p.Widths));
        Assert.True(space.RemovedByConstraint["fusion_widths"] > 0);
        Assert.True(space.RemovedByConstraint["max_initial_candidates"] > 0);
        Assert.True(space.Count >= 9000, $"paper-sized: {space.Count}");
    }

    [Fact]
    public void Constructor_WithCallBudget_RemovesViolatorsFromSpace()
    {
        var full = new SearchSpace(new SearchSpaceBounds(), Encoder);
        var budget = new QueryBudget { MaxCalls = 20, MaxCostUsd = 0.02m };
        var pruned = new SearchSpace(new SearchSpaceBounds(), Encoder, budget);
        Assert.True(pruned.Count < full.Count);
        Assert.True(pruned.Count > 0);
        Assert.Equal(full.Count - pruned.Count, pruned.RemovedByBudget);
        Assert.All(pruned.Estimates, e => Assert.True(e.Calls <= 20 && e.Dollars <= 0.02));
        var removed = full.Points.Where(p => !pruned.Contains(p)).ToList();
        Assert.All(removed, p => Assert.False(Encoder.Estimate(p).Within(budget)));
        Assert.StartsWith("budget.", pruned.FirstViolation(removed[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyReason_EveryCombinationOverTheCap_NamesTheConstraintField()
    {
        var space = new SearchSpace(new SearchSpaceBounds { Generators = [5, 6], Samples = [5], MaxInitialCandidates = 20 }, Encoder);

        Assert.Equal(0, space.Count);
        Assert.StartsWith("space.max_initial_candidates:", SpaceDescription.EmptyReason(space), StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeDecode_EveryPointOfAPerLayerSpace_RoundTrips()
    {
        var space = new SearchSpace(Shape("per_layer") with { Generators = [1, 4, 6], Samples = [1, 3] }, Encoder);
        foreach (var point in space.Points)
        {
            var config = Encoder.Encode(point);
            Assert.Equal(point, space.Resolve(ArchitectureEncoder.Decode(config)!));
            Assert.Equal(point, SearchPoint.TryParse(point.Key));
        }
    }

    [Fact]
    public void Encode_PerLayerChoices_PlacesCriticAndRankerBeforeEachFusionLayer()
    {
        var point = new SearchPoint(10, 1, [8, 6, 4], [PreFuserOption.CriticRanker, PreFuserOption.Critic, PreFuserOption.Critic], EvaluationOption.Verifier, 5);
        var config = Encoder.Encode(point);

        Assert.Equal(["generator", "critic", "ranker", "fuser", "critic", "fuser", "critic", "fuser", "verifier", "fuser"], config.Layers.Select(l => l.Components[0].Type));
        Assert.Equal([8, 6, 4], new[] { 3, 5, 7 }.Select(i => config.Layers[i].Components.Sum(c => c.Samples)));
        Assert.True(config.Layers[2].Components[0].UseCritiques);
        Assert.Equal(5, config.Layers[2].Components[0].TopK);
        Assert.Single(config.Layers[^1].Components);
    }

    [Fact]
    public void Estimate_CountsCallsPerLayer()
    {
        // 3×2 generators, ranker (1), 4 fusers, verifier over 4 candidates (reasoning + verdict each), final fuser.
        var estimate = Encoder.Estimate(SearchPoint.Uniform(3, 2, 2, 4, PreFuserOption.Ranker, EvaluationOption.Verifier));
        Assert.Equal([6, 1, 4, 8, 1], estimate.LayerCalls);
        Assert.Equal(20, estimate.Calls);
        Assert.True(estimate.Dollars > 0);
    }

    [Fact]
    public void SearchPoint_NoRanker_NormalisesTopK()
    {
        Assert.Equal(SearchPoint.Uniform(2, 1, 2, 4, PreFuserOption.Critic, EvaluationOption.None, 3),
            SearchPoint.Uniform(2, 1, 2, 4, PreFuserOption.Critic, EvaluationOption.None, 7));
        Assert.NotEqual(SearchPoint.Uniform(2, 1, 2, 4, PreFuserOption.Ranker, EvaluationOption.None, 3),
            SearchPoint.Uniform(2, 1, 2, 4, PreFuserOption.Ranker, EvaluationOption.None, 7));
    }

    [Fact]
    public void PrefixKey_SharedFirstLayers_MatchAndDivergeAfter()
    {
        var a = Encoder.Encode(new SearchPoint(3, 2, [4], [PreFuserOption.Ranker], EvaluationOption.None, 5));
        var b = Encoder.Encode(new SearchPoint(3, 2, [4, 2], [PreFuserOption.Ranker, PreFuserOption.Ranker], EvaluationOption.Verifier, 5));
        Assert.Equal(PrefixKey.For(a, 3), PrefixKey.For(b, 3));
        Assert.NotEqual(PrefixKey.For(a, 4), PrefixKey.For(b, 4));
    }

    [Fact]
    public void AxisNeighbours_WidthAxis_ChangesOnlyThatLayer()
    {
        var space = new SearchSpace(new SearchSpaceBounds(), Encoder);
        var point = new SearchPoint(4, 2, [8, 6], [PreFuserOption.Ranker, PreFuserOption.Ranker], EvaluationOption.None, 5);
        var secondWidth = 4;

        var line = space.AxisNeighbours(point, secondWidth).ToList();

        Assert.Equal([2, 4, 8], line.Select(p => p.Widths[1]).Order());
        Assert.All(line, p => Assert.Equal(8, p.Widths[0]));
    }
}
