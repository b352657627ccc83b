using System.Globalization;
using System.Net;
using System.Text;
using Archon.Core.Search;

namespace Archon.Core.Reporting;

/// <summary>A self-contained HTML report: summary, leaderboard, held-out results with CIs, Pareto fronts, model
/// ranking, and the plots inline (SVG markup plus base64 PNG), so the one file can be mailed or archived.</summary>
public static class HtmlReport
{
    public static string Render(SearchReportData data, IReadOnlyDictionary<string, string> svgs, IReadOnlyDictionary<string, byte[]> pngs, string? bestArchitectureJson)
    {
        var lb = data.Leaderboard;
        var h = new StringBuilder();
        var sim = data.Simulated ? " — SIMULATED models" : "";
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Archon search ").Append(E(data.SearchId)).Append("</title>");
        h.Append("<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}")
         .Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f3f3f3}td.k{text-align:left;font-family:monospace}")
         .Append(".sim{color:#b00;font-weight:bold}figure{display:inline-block;margin:0 1em 1em 0}pre{background:#f7f7f7;padding:1em;overflow:auto}</style></head><body>");
        h.Append("<h1>Archon search <code>").Append(E(data.SearchId)).Append("</code>").Append(data.Simulated ? "<span class=\"sim\"> (SIMULATED)</span>" : "").Append("</h1>");
        if (data.Simulated)
        {
            h.Append("<p class=\"sim\">All figures come from the simulator fleet (provider \"sim\"); they are not measurements of real models.</p>");
        }

        h.Append("<p>Algorithm <b>").Append(E(lb.Algorithm)).Append("</b>, benchmark <b>").Append(E(data.Spec.Benchmark)).Append("</b>, catalog <b>").Append(E(data.Spec.Catalog))
         .Append("</b>, prompts <b>").Append(E(lb.PromptPack ?? "?"))
         .Append("</b>; space ").Append(lb.SpaceSize).Append(" architectures; ").Append(N(lb.EvaluationsUsed, 2)).Append(" full-evaluation equivalents over ")
         .Append(lb.Candidates).Append(" candidate runs; model calls needed ").Append(lb.CallsNeeded).Append(", made ").Append(lb.CallsMade)
         .Append(lb.CallsNeeded > 0 ? $" ({N(100.0 * (1 - (double)lb.CallsMade / lb.CallsNeeded), 1)}% saved by prefix reuse and the response cache)" : "")
         .Append("; spent $").Append(N(lb.SpentUsd, 4)).Append(", saved $").Append(N(lb.SavedUsd, 4)).Append(".</p>");
        h.Append("<p>Recommended architecture: <code>").Append(E(lb.Recommended ?? "none")).Append("</code>").Append(sim).Append("</p>");
        if (Archon.Core.Evaluation.BenchmarkCards.Find(data.Spec.Benchmark) is { } card)
        {
            // How the score is computed, next to the score (metric, scorer/parser, judge, data source).
            h.Append("<h2>Benchmark</h2><table><tr><th>benchmark</th><th>metric</th><th>scoring</th><th>judge</th><th>data</th></tr><tr><td class=\"k\">")
             .Append(E(card.Name)).Append("</td><td class=\"k\">").Append(E(card.Metric)).Append("</td><td class=\"k\">").Append(E(card.Scoring))
             .Append("</td><td class=\"k\">").Append(E(card.Judge)).Append("</td><td class=\"k\">").Append(E(card.DataSource)).Append("</td></tr></table>");
        }


        h.Append("<h2>Plots</h2>");
        foreach (var (name, svg) in svgs)
        {
            h.Append("<figure>").Append(svg).Append("<figcaption>").Append(E(name)).Append(".svg</figcaption></figure>");
        }

        foreach (var (name, png) in pngs)
        {
            h.Append("<figure><img alt=\"").Append(E(name)).Append("\" width=\"480\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\"><figcaption>").Append(E(name)).Append(".png</figcaption></figure>");
        }

        if (lb.Final.Count > 0)
        {
            h.Append("<h2>Held-out re-evaluation (95% CI)</h2><table><tr><th>architecture</th><th>dev</th><th>test</th><th>95% CI</th><th>items</th><th>$/query</th></tr>");
            foreach (var f in lb.Final)
            {
                h.Append("<tr><td class=\"k\">").Append(E(f.PointKey)).Append("</td><td>").Append(N(f.DevScore, 1)).Append("</td><td>").Append(N(f.TestScore, 1))
                 .Append("</td><td>").Append(N(f.CiLow, 1)).Append('–').Append(N(f.CiHigh, 1)).Append("</td><td>").Append(f.Items).Append("</td><td>").Append(N(f.CostUsd, 5)).Append("</td></tr>");
            }

            h.Append("</table>");
        }

        h.Append("<h2>Leaderboard (dev split)</h2><table><tr><th>#</th><th>architecture</th><th>score</th><th>± s.e.</th><th>$/query measured</th><th>$/query estimated</th><th>status</th><th>latency ms</th><th>objective</th><th>items</th></tr>");
        foreach (var e in lb.Entries.Take(25))
        {
            h.Append("<tr><td>").Append(e.Rank).Append("</td><td class=\"k\">").Append(E(e.PointKey)).Append("</td><td>").Append(N(e.Score, 1)).Append("</td><td>").Append(N(e.StdError, 1))
             .Append("</td><td>").Append(N(e.CostUsd, 5)).Append("</td><td>").Append(N(e.EstimatedCostUsd, 5)).Append("</td><td>").Append(E(e.Status))
             .Append("</td><td>").Append(N(e.LatencyMs, 0)).Append("</td><td>").Append(N(e.Objective, 2)).Append("</td><td>").Append(e.Items).Append("</td></tr>");
        }

        h.Append("</table><p>Measured $/query is what the candidate's calls cost on the dev items (cache hits at the cost the call would have had); the estimate is the planner's, made before running, and decides which architectures enter the space. The per-query budget (")
         .Append(E(data.Spec.Budget.ToBudget().ToString())).Append(") is enforced on measured cost: items it stopped score as failures, and candidates over it are listed but never recommended");
        if (lb.FailedCandidates > 0 || lb.OverBudgetCandidates > 0)
        {
            h.Append(". This search: ").Append(lb.OverBudgetCandidates).Append(" over budget, ").Append(lb.FailedCandidates).Append(" failed");
            if (lb.FirstError is { } error)
            {
                h.Append(" (first error: ").Append(E(error)).Append(')');
            }
        }

        h.Append(".</p><h2>Pareto fronts</h2><p>Score vs $/query: ").Append(E(string.Join(", ", lb.ParetoCost))).Append("</p><p>Score vs latency: ").Append(E(string.Join(", ", lb.ParetoLatency))).Append("</p>");
        if (data.Ranking is { } ranking)
        {
            h.Append("<h2>Model ranking (preprocessing)</h2><table><tr><th>generator</th><th>alone</th><th>fuser</th><th>as fuser</th></tr>");
            for (var i = 0; i < Math.Max(ranking.Generators.Count, ranking.Fusers.Count); i++)
            {
                var g = i < ranking.Generators.Count ? ranking.Generators[i] : null;
                var f = i < ranking.Fusers.Count ? ranking.Fusers[i] : null;
                h.Append("<tr><td class=\"k\">").Append(E(g?.Id ?? "")).Append("</td><td>").Append(g is null ? "" : N(g.Score, 1)).Append("</td><td class=\"k\">")
                 .Append(E(f?.Id ?? "")).Append("</td><td>").Append(f is null ? "" : N(f.Score, 1)).Append("</td></tr>");
            }

            h.Append("</table>");
        }

        if (bestArchitectureJson is not null)
        {
            h.Append("<h2>Best architecture (best-architecture.json, accepted by <code>archon run</code>)</h2><pre>").Append(E(bestArchitectureJson)).Append("</pre>");
        }

        h.Append("</body></html>");
        return h.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string N(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
}
