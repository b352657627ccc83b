using Archon.Bench.Search;
using System.Text;
using Archon.Core.Reporting;
using Archon.Core.Search;

namespace Archon.Core.Tests.Search;

public sealed class ReportTests
{
    private static SearchReportData Data()
    {
        var spec = new SearchSpec { Name = "r", Algorithm = "bo" };
        var encoder = new ArchitectureEncoder(LandscapeFleet.Ranking());
        var points = new[]
        {
            (SearchPoint.Uniform(1, 1, 1, 0, PreFuserOption.None, EvaluationOption.None), 70.0, 0.001),
            (SearchPoint.Uniform(3, 2, 1, 0, PreFuserOption.Ranker, EvaluationOption.None), 82.0, 0.004),
            (SearchPoint.Uniform(5, 3, 2, 4, PreFuserOption.CriticRanker, EvaluationOption.Verifier), 80.0, 0.02),
        };
        var results = points.Select((p, i) => new CandidateResult("r", $"{i:D5}", p.Item1.Key, "dev", 1, 0, 20, p.Item2, 2, p.Item3, 300,
            100, 40, encoder.Encode(p.Item1), [], i)).ToList();
        var board = LeaderboardBuilder.Build("r", spec, 9576, results, points[1].Item1.Key, finished: true);
        return new SearchReportData("r", spec, board, results, LandscapeFleet.Ranking(), Simulated: true);
    }

    [Fact]
    public void Render_SearchData_WritesPlotsAndSelfContainedHtml()
    {
        var files = SearchReportRenderer.Render(Data(), "{\"name\":\"best\"}");

        Assert.Equal(["best-so-far.png", "best-so-far.svg", "report.html", "score-vs-cost.png", "score-vs-cost.svg"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, files["score-vs-cost.png"][..4]);
        Assert.Contains("<svg", Encoding.UTF8.GetString(files["best-so-far.svg"]));
        var html = Encoding.UTF8.GetString(files["report.html"]);
        Assert.Contains("SIMULATED", html);
        Assert.Contains("data:image/png;base64,", html);
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.Contains("g3-s2-l1-w-ranker-none-k5", html);
    }

    [Fact]
    public void LeaderboardBuilder_Results_RanksByObjectiveAndComputesFront()
    {
        var board = Data().Leaderboard;
        Assert.Equal(["g3-s2-l1-w-ranker-none-k5", "g5-s3-l2-w4-critic_ranker-verifier-k5", "g1-s1-l1-w-none-none-k0"], board.Entries.Select(e => e.PointKey));
        Assert.Equal(["g1-s1-l1-w-none-none-k0", "g3-s2-l1-w-ranker-none-k5"], board.ParetoCost);
        Assert.Equal(3, board.EvaluationsUsed);
    }
}
