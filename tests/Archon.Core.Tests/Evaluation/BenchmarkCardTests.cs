using Archon.Core.Evaluation;
using Archon.Core.Reporting;
using Archon.Core.Search;

namespace Archon.Core.Tests.Evaluation;

public sealed class BenchmarkCardTests
{
    [Fact]
    public void Find_EveryRegisteredBenchmark_HasMetricScoringJudgeAndData()
    {
        foreach (var name in BenchmarkRegistry.Names)
        {
            var card = BenchmarkCards.Find(name);
            Assert.True(card is not null, $"no card for {name}");
            Assert.False(string.IsNullOrWhiteSpace(card.Metric));
            Assert.False(string.IsNullOrWhiteSpace(card.DataSource));
        }

        Assert.Equal(BenchmarkRegistry.Names.Count, BenchmarkCards.All.Count);
    }

    [Theory]
    [InlineData("mixeval", "per source benchmark")]
    [InlineData("alpaca_eval", "length-controlled win rate")]
    [InlineData("code_contests", "pass@1")]
    public void HtmlReport_SearchOnBenchmark_ShowsItsCard(string benchmark, string expected)
    {
        var spec = new SearchSpec { Name = "r", Algorithm = "bo", Benchmark = benchmark };
        var board = LeaderboardBuilder.Build("r", spec, 10, [], null, finished: false);
        var html = HtmlReport.Render(new SearchReportData("r", spec, board, [], null, Simulated: true), new Dictionary<string, string>(), new Dictionary<string, byte[]>(), null);
        Assert.Contains("<h2>Benchmark</h2>", html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }
}
