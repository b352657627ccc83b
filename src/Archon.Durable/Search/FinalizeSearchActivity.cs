using System.Text;
using Archon.Core.Architecture;
using Archon.Core.Reporting;
using Archon.Core.Search;
using Archon.Core.Storage;
using Microsoft.DurableTask;

namespace Archon.Durable.Search;

/// <summary>
/// Writes the final outputs: leaderboard with held-out scores and 95% CIs, pareto.json, best-architecture.json
/// (a config <c>archon run</c> and the inference API accept) and the report (plots as PNG and SVG, report.html).
/// </summary>
public sealed class FinalizeSearchActivity(SearchWorkspace workspace) : TaskActivity<string, SearchOutcome>
{
    public override Task<SearchOutcome> RunAsync(TaskActivityContext context, string input) => ExecuteAsync(input);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<SearchOutcome> ExecuteAsync(string input)
    {
        var session = await workspace.SessionAsync(input, CancellationToken.None).ConfigureAwait(false);
        var results = await workspace.ResultsAsync(input, CancellationToken.None).ConfigureAwait(false);
        var dev = results.Where(r => r.Split == "dev").ToList();
        var history = dev.OrderBy(r => r.Sequence).Select(r => r.ToObservation()).ToList();
        var recommended = LeaderboardBuilder.Feasible(session.Algorithm.Recommend(history)?.Key, dev);
        var final = results.Where(r => r.Split == "test").OrderBy(r => r.Sequence).Select(t =>
        {
            var d = dev.Where(r => r.PointKey == t.PointKey).MaxBy(r => r.Fidelity);
            var (low, high) = t.Ci95;
            return new FinalEntry(t.PointKey, Math.Round(d?.Score ?? 0, 3), Math.Round(t.Score, 3), Math.Round(low, 3), Math.Round(high, 3), t.Items, t.CostUsd);
        }).ToList();
        var leaderboard = LeaderboardBuilder.Build(input, session.Spec, session.Space.Count, results, recommended, finished: true, final)
            with { PromptPack = workspace.PromptPackId(session.Spec) };
        var store = workspace.Store;
        await store.PutJsonAsync(BlobLayout.Leaderboard(input), leaderboard, CancellationToken.None).ConfigureAwait(false);
        await store.PutJsonAsync(SearchBlobs.Pareto(input), new { cost = leaderboard.ParetoCost, latency = leaderboard.ParetoLatency }, CancellationToken.None).ConfigureAwait(false);

        string? bestJson = null;
        var bestRef = SearchBlobs.BestArchitecture(input);
        if (recommended is not null && SearchPoint.TryParse(recommended) is { } best)
        {
            var config = session.Space.Encoder.Encode(best) with { Name = $"{input}-best" };
            bestJson = ArchitectureLoader.ToJson(config);
            await store.PutBytesAsync(bestRef.Container, bestRef.Name, Encoding.UTF8.GetBytes(bestJson), "application/json", CancellationToken.None).ConfigureAwait(false);
        }

        var simulated = session.Spec.Catalog == "sim" || session.Ranking.Generators.Any(m => m.Id.StartsWith("sim", StringComparison.OrdinalIgnoreCase));
        var files = SearchReportRenderer.Render(new SearchReportData(input, session.Spec, leaderboard, results, session.Ranking, simulated), bestJson);
        foreach (var (name, bytes) in files)
        {
            var blob = SearchBlobs.ReportFile(input, name);
            var type = name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : name.EndsWith(".svg", StringComparison.Ordinal) ? "image/svg+xml" : "text/html";
            await store.PutBytesAsync(blob.Container, blob.Name, bytes, type, CancellationToken.None).ConfigureAwait(false);
        }

        var bestEntry = leaderboard.Entries.FirstOrDefault(e => e.PointKey == recommended);
        return new SearchOutcome(input, recommended, bestEntry?.Score, final.FirstOrDefault(f => f.PointKey == recommended)?.TestScore,
            leaderboard.Candidates, leaderboard.EvaluationsUsed, leaderboard.CallsNeeded, leaderboard.CallsMade,
            BlobLayout.Leaderboard(input).ToString(), SearchBlobs.ReportFile(input, SearchReportRenderer.HtmlFile).ToString(), bestRef.ToString());
    }
}
