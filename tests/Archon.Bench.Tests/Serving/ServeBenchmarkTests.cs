using Archon.Bench.Serving;

namespace Archon.Bench.Tests.Serving;

public sealed class ServeBenchmarkTests
{
    [Theory]
    [InlineData(0.50, 5)]
    [InlineData(0.99, 10)]
    [InlineData(0.10, 1)]
    [InlineData(1.00, 10)]
    public void Percentile_OneToTen_NearestRank(double p, double expected)
    {
        double[] values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

        Assert.Equal(expected, ServeBenchmark.Percentile(values, p));
    }

    [Fact]
    public void Figures_OverheadIsServedMinusDirectPerPercentile()
    {
        var r = ServeBenchmark.Figures(new ServeSide([10, 10, 10, 20], 100), new ServeSide([13, 13, 13, 50], 96));

        Assert.Equal(new ServeBenchResult(10, 13, 3, 30, 96, 100), r);
        Assert.Null(r.ProxyRps32);
    }

    [Fact]
    public void Figures_WithTheProxies_AddsTheirP50AndRate()
    {
        var r = ServeBenchmark.Figures(
            new ServeSide([10, 10, 10, 20], 100),
            new ServeSide([13, 13, 13, 50], 96),
            new ServeSide([11, 10.5, 10.25, 12], 99.04),
            new ServeSide([12, 12, 12, 13], 97.46));

        Assert.Equal(new ServeBenchResult(10, 13, 3, 30, 96, 100) { ProxyP50Ms = 10.5, ProxyRps32 = 99, StoringProxyP50Ms = 12, StoringProxyRps32 = 97.5 }, r);
    }

    [Fact]
    public void Figures_PercentilesThatRoundApart_OverheadEqualsThePrintedDifference()
    {
        // 17.804 → 17.80 and 35.606 → 35.61: the raw difference (17.802) would print 17.80, not 35.61 − 17.80.
        var r = ServeBenchmark.Figures(new ServeSide([17.804], 1), new ServeSide([35.606], 1));

        Assert.Equal(17.81, r.OverheadP50Ms);
        Assert.Equal(r.ServedP50Ms - r.DirectP50Ms, r.OverheadP50Ms, 10);
    }

    [Theory]
    [InlineData(0, 640, "--requests")]
    [InlineData(10, 0, "--concurrent-requests")]
    public void Validate_BadCounts_NameTheOption(int requests, int concurrent, string option)
    {
        var problem = new ServeBenchOptions { Requests = requests, ConcurrentRequests = concurrent }.Validate();

        Assert.NotNull(problem);
        Assert.StartsWith(option + ":", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SmallRun_ServedIsNeverFasterThanTheModelAndRatesArePositive()
    {
        var r = await ServeBenchmark.RunAsync(
            new ServeBenchOptions
            {
                Latency = TimeSpan.FromMilliseconds(5), Requests = 5, ConcurrentRequests = 40, WarmupRequests = 2, MaxWarmupRounds = 1, Floors = true,
            },
            default);

        Assert.True(r.DirectP50Ms >= 5, $"direct p50 {r.DirectP50Ms} ms is below the model's 5 ms");
        Assert.True(r.ServedP50Ms >= 5, $"served p50 {r.ServedP50Ms} ms is below the model's 5 ms");
        Assert.Equal(r.ServedP50Ms - r.DirectP50Ms, r.OverheadP50Ms, 2);
        Assert.True(r.DirectRps32 > 0 && r.ServedRps32 > 0, $"rps direct {r.DirectRps32}, served {r.ServedRps32}");
        Assert.True(r.ProxyP50Ms >= 5 && r.ProxyRps32 > 0, $"proxy p50 {r.ProxyP50Ms} ms, rps {r.ProxyRps32}");
        Assert.True(r.StoringProxyP50Ms >= 5 && r.StoringProxyRps32 > 0, $"storing proxy p50 {r.StoringProxyP50Ms} ms, rps {r.StoringProxyRps32}");
    }
}
