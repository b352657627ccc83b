using System.Globalization;
using System.Text.Json;
using Archon.Core.Search;
using Archon.Durable.Search;
using Spectre.Console;

namespace Archon.Cli.Commands;

/// <summary>Final search output: leaderboard, held-out results with CIs, Pareto front, paths of the outputs.</summary>
public static class SearchOutput
{
    private static readonly JsonSerializerOptions WebIndented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Print(CliConsoles consoles, SearchOutcome outcome, Leaderboard leaderboard, string searchDir, bool simulated, TimeSpan elapsed, bool json)
    {
        var report = Path.Combine(searchDir, "report", "report.html");
        var best = Path.Combine(searchDir, "best-architecture.json");
        if (json)
        {
            consoles.OutWriter.WriteLine(JsonSerializer.Serialize(new { outcome, report, best_architecture = best, simulated, seconds = Math.Round(elapsed.TotalSeconds, 1) },
                WebIndented));
            return;
        }

        var sim = simulated ? " (SIMULATED)" : "";
        var table = new Table().Title($"leaderboard{sim}, prompts {Markup.Escape(leaderboard.PromptPack ?? "?")}").AddColumns("#", "architecture", "dev", "± s.e.", "$/q", "est. $/q", "status", "ms", "items");
        foreach (var e in leaderboard.Entries.Take(10))
        {
            table.AddRow(e.Rank.ToString(CultureInfo.InvariantCulture) + (e.PointKey == leaderboard.Recommended ? " *" : ""), Markup.Escape(e.PointKey), F(e.Score, 1), F(e.StdError, 1), F(e.CostUsd, 5), F(e.EstimatedCostUsd, 5),
                e.Status, F(e.LatencyMs, 0), e.Items.ToString(CultureInfo.InvariantCulture));
        }

        consoles.Out.Write(table);
        if (leaderboard.Final.Count > 0)
        {
            var final = new Table().Title($"held-out re-evaluation, 95% CI{sim}").AddColumns("architecture", "dev", "test", "95% CI", "items");
            foreach (var f in leaderboard.Final)
            {
                final.AddRow(Markup.Escape(f.PointKey), F(f.DevScore, 1), F(f.TestScore, 1), $"{F(f.CiLow, 1)}–{F(f.CiHigh, 1)}", f.Items.ToString(CultureInfo.InvariantCulture));
            }

            consoles.Out.Write(final);
        }

        var saved = leaderboard.CallsNeeded > 0 ? 100.0 * (1 - (double)leaderboard.CallsMade / leaderboard.CallsNeeded) : 0;
        consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"best: {outcome.Best} · {leaderboard.Candidates} candidate runs · {leaderboard.EvaluationsUsed:F2} full-evaluation equivalents · model calls {leaderboard.CallsMade} made of {leaderboard.CallsNeeded} needed ({saved:F1}% reused) · spent ${leaderboard.SpentUsd:F4}, saved ${leaderboard.SavedUsd:F4} · {elapsed.TotalSeconds:F1} s")));
        consoles.Out.MarkupLine(Markup.Escape("* = recommended by the algorithm (BO: highest GP posterior mean among evaluated architectures, which discounts lucky noisy scores); it heads the held-out table."));
        if (leaderboard.OverBudgetCandidates > 0 || leaderboard.FailedCandidates > 0)
        {
            consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{leaderboard.OverBudgetCandidates} candidate(s) over the per-query budget on measured cost, {leaderboard.FailedCandidates} failed{(leaderboard.FirstError is { } error ? $" (first error: {error})" : "")}; neither kind is recommended.")));
        }

        consoles.Out.MarkupLine(Markup.Escape($"Pareto front (score vs $/query): {string.Join(", ", leaderboard.ParetoCost)}"));
        consoles.Out.MarkupLine(Markup.Escape($"best architecture: {best}"));
        consoles.Out.MarkupLine(Markup.Escape($"report: {report}"));
    }

    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
}
