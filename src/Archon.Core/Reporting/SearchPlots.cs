using Archon.Core.Search;
using ScottPlot;

namespace Archon.Core.Reporting;

/// <summary>
/// The two report plots (ScottPlot): best score so far against full-evaluation equivalents, and score against $/query
/// for every full-fidelity candidate with the Pareto front drawn through it. Each renders to PNG and SVG.
/// </summary>
public static class SearchPlots
{
    public const int Width = 720;
    public const int Height = 420;

    public static Plot BestSoFar(SearchReportData data)
    {
        var sequence = data.Results.Where(r => r.Split == "dev").OrderBy(r => r.Sequence).ThenBy(r => r.CandidateId, StringComparer.Ordinal).ToList();
        var xs = new List<double>();
        var ys = new List<double>();
        var evalX = new List<double>();
        var evalY = new List<double>();
        double used = 0;
        var best = double.NaN;
        foreach (var r in sequence)
        {
            used += r.Fidelity;
            if (r.Fidelity >= 1)
            {
                evalX.Add(used);
                evalY.Add(r.Score);
                best = double.IsNaN(best) ? r.Score : Math.Max(best, r.Score);
            }

            if (!double.IsNaN(best))
            {
                xs.Add(used);
                ys.Add(best);
            }
        }

        var plot = new Plot();
        if (xs.Count > 0)
        {
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LineWidth = 2;
            line.LegendText = "best dev score so far";
            var evaluated = plot.Add.ScatterPoints(evalX.ToArray(), evalY.ToArray());
            evaluated.LegendText = "full evaluations";
            evaluated.MarkerSize = 4;
            plot.ShowLegend(Alignment.LowerRight);
        }

        plot.Title(Label(data, "Best architecture so far"));
        plot.XLabel("full-evaluation equivalents");
        plot.YLabel("dev score (0-100)");
        return plot;
    }

    public static Plot ScoreVsCost(SearchReportData data)
    {
        var full = data.Results.Where(r => r.Split == "dev" && r.Fidelity >= 1).ToList();
        var plot = new Plot();
        if (full.Count > 0)
        {
            var points = plot.Add.ScatterPoints(full.Select(r => r.CostUsd).ToArray(), full.Select(r => r.Score).ToArray());
            points.LegendText = "candidates";
            points.MarkerSize = 6;
            var front = ParetoFront.Compute(full, r => r.Score, r => r.CostUsd);
            var line = plot.Add.Scatter(front.Select(r => r.CostUsd).ToArray(), front.Select(r => r.Score).ToArray());
            line.LegendText = "Pareto front";
            line.LineWidth = 2;
            line.MarkerSize = 9;
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            plot.ShowLegend(Alignment.LowerRight);
        }

        plot.Title(Label(data, "Score vs cost"));
        plot.XLabel("$ per query");
        plot.YLabel("dev score (0-100)");
        return plot;
    }

    public static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);

    public static string Svg(Plot plot) => plot.GetSvgXml(Width, Height);

    private static string Label(SearchReportData data, string title) => data.Simulated ? $"{title} (SIMULATED models)" : title;
}
