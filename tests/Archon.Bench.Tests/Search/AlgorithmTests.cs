using Archon.Bench.Search;
using Archon.Core.Search;

namespace Archon.Bench.Tests.Search;

public sealed class AlgorithmTests
{
    // A smaller space keeps these tests fast while every axis still varies.
    private static readonly SearchSpace Space = new(
        new SearchSpaceBounds { Generators = [1, 2, 3, 4, 5], Samples = [1, 2, 3], FusionLayers = [1, 2, 3], FusionWidths = [2, 3, 4, 5] },
        new ArchitectureEncoder(LandscapeFleet.Ranking()));

    private static readonly TabularLandscape Landscape = new(Space, items: 120);

    [Theory]
    [InlineData("random")]
    [InlineData("greedy")]
    [InlineData("bo")]
    [InlineData("bo-mf")]
    [InlineData("bo-pareto")]
    public void Propose_WholeSearch_NeverReevaluatesAnArchitecture(string name)
    {
        var bench = new SearchBenchmark(Landscape, new SearchAlgorithmOptions { MaxEvaluations = 40, MinEvaluations = 20 });
        var (_, evaluations, _, history) = bench.RunOne(name, seed: 4);
        var full = history.Where(o => o.Fidelity >= 1).Select(o => o.Point.Key).ToList();
        Assert.Equal(full.Count, full.Distinct().Count());
        Assert.Equal(history.Count, history.Select(o => (o.Point.Key, o.Fidelity)).Distinct().Count());
        Assert.True(evaluations <= 40 + 1e-9);
        Assert.All(history, o => Assert.True(Space.Contains(o.Point)));
    }

    [Fact]
    public void BayesianSearch_SameSeedAndHistory_ProposesSameBatch()
    {
        var options = new SearchAlgorithmOptions { Seed = 9, InitialPoints = 6 };
        var history = Space.Points.Where((_, i) => i % 37 == 0).Take(10)
            .Select(p => new Observation(p, 1, Landscape.TrueScores[Space.IndexOf(p)], 0.01)).ToList();
        var a = SearchAlgorithms.Create("bo", Space, options).Propose(history);
        var b = SearchAlgorithms.Create("bo", Space, options).Propose(history);
        Assert.Equal(a, b);
        Assert.All(a, p => Assert.DoesNotContain(history, o => o.Point == p.Point));
    }

    [Fact]
    public void BayesianSearch_OnLandscape_BeatsRandomAtEqualBudget()
    {
        var options = new SearchAlgorithmOptions { MaxEvaluations = 40, MinEvaluations = 40 };
        var bench = new SearchBenchmark(Landscape, options);
        double boGap = 0, randomGap = 0;
        for (var seed = 1; seed <= 3; seed++)
        {
            boGap += bench.RunOne("bo", seed).Gap;
            randomGap += bench.RunOne("random", seed).Gap;
        }

        Assert.True(boGap < randomGap, $"bo gap {boGap} vs random {randomGap}");
    }

    [Fact]
    public void MultiFidelity_Brackets_PromoteOnlyTopThird()
    {
        var options = new SearchAlgorithmOptions { MaxEvaluations = 30, InitialPoints = 9 };
        var bench = new SearchBenchmark(Landscape, options);
        var (_, _, _, history) = bench.RunOne("bo-mf", 2);
        foreach (var bracket in history.GroupBy(o => o.Bracket))
        {
            var low = bracket.Count(o => o.Fidelity < 0.2);
            var mid = bracket.Count(o => o.Fidelity is > 0.2 and < 0.9);
            var top = bracket.Count(o => o.Fidelity >= 1);
            Assert.True(mid <= Math.Max(1, low / 3) && top <= Math.Max(1, mid / 3), $"bracket {bracket.Key}: {low}/{mid}/{top}");
        }
    }

    [Fact]
    public void Create_UnknownName_NamesTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => SearchAlgorithms.Create("annealing", Space, new SearchAlgorithmOptions()));
        Assert.Contains("algorithm", error.Message);
    }

    [Fact]
    public void ReuseCounter_SharedGeneratorsAndPrefixes_CountsFewerCalls()
    {
        var counter = new ReuseCounter(Space.Encoder);
        counter.Add(SearchPoint.Uniform(3, 2, 1, 0, PreFuserOption.None, EvaluationOption.None), 10);
        counter.Add(SearchPoint.Uniform(2, 2, 1, 0, PreFuserOption.None, EvaluationOption.None), 10);
        // Without reuse: (6+1)·10 + (4+1)·10. With: 6 distinct generator calls ·10 + two final fusers ·10.
        Assert.Equal(120, counter.WithoutReuse);
        Assert.Equal(80, counter.WithReuse);
    }
}
