using Archon.Core.Evaluation.Statistics;

namespace Archon.Core.Tests.Evaluation;

public sealed class StatisticsTests
{
    [Fact]
    public void FromValues_SameSeed_SameIntervalContainingMean()
    {
        var values = Enumerable.Range(0, 100).Select(i => i % 3 == 0 ? 1.0 : 0.0).ToList();
        var a = ScoreSummary.FromValues("b", "s", values, 0, 11);
        var b = ScoreSummary.FromValues("b", "s", values, 0, 11);
        Assert.Equal(a.CiLow, b.CiLow);
        Assert.Equal(a.CiHigh, b.CiHigh);
        Assert.InRange(a.Mean, a.CiLow, a.CiHigh);
        Assert.InRange(a.CiHigh - a.CiLow, 0.12, 0.25); // ≈ 2·1.96·sqrt(.34·.66/100) ≈ 0.19
        Assert.Equal(100, a.N);
    }

    [Fact]
    public void SignTest_NineToOne_MatchesExactBinomial() =>
        Assert.Equal(0.021484375, PairedComparison.SignTest(9, 1), 9);

    [Fact]
    public void Compute_BBetterOnMostItems_PositiveDifferenceAndCounts()
    {
        var a = Enumerable.Range(0, 50).ToDictionary(i => $"i{i}", i => i < 20 ? 1.0 : 0.0);
        var b = Enumerable.Range(0, 50).ToDictionary(i => $"i{i}", i => i < 35 ? 1.0 : 0.0);
        var cmp = PairedComparison.Compute(a, b, 3);
        Assert.Equal(50, cmp.N);
        Assert.Equal(0.3, cmp.MeanDifference, 9);
        Assert.Equal(15, cmp.BetterB);
        Assert.Equal(0, cmp.BetterA);
        Assert.True(cmp.CiLow > 0);
        Assert.True(cmp.SignTestPValue < 0.001);
    }
}

public sealed class PassAtKTests
{
    [Theory]
    [InlineData(10, 0, 1, 0.0)]
    [InlineData(10, 10, 5, 1.0)]
    [InlineData(10, 3, 1, 0.3)]
    [InlineData(5, 2, 2, 0.7)] // 1 − C(3,2)/C(5,2) = 1 − 3/10
    [InlineData(200, 1, 100, 0.5)]
    public void Estimate_KnownCases_MatchesClosedForm(int n, int c, int k, double expected) =>
        Assert.Equal(expected, PassAtK.Estimate(n, c, k), 9);

    [Fact]
    public void Estimate_KAboveN_Rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.Estimate(3, 1, 4));
}
