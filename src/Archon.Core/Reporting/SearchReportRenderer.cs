using System.Text;

namespace Archon.Core.Reporting;

/// <summary>Renders the report files: best-so-far and score-vs-cost plots as PNG and SVG, and report.html.</summary>
public static class SearchReportRenderer
{
    public const string HtmlFile = "report.html";

    /// <summary>File name → content, ready to write to a folder or upload under <c>report/</c>.</summary>
    public static IReadOnlyDictionary<string, byte[]> Render(SearchReportData data, string? bestArchitectureJson)
    {
        var plots = new Dictionary<string, ScottPlot.Plot>
        {
            ["best-so-far"] = SearchPlots.BestSoFar(data),
            ["score-vs-cost"] = SearchPlots.ScoreVsCost(data),
        };
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var svgs = new Dictionary<string, string>();
        var pngs = new Dictionary<string, byte[]>();
        foreach (var (name, plot) in plots)
        {
            svgs[name] = SearchPlots.Svg(plot);
            pngs[name] = SearchPlots.Png(plot);
            files[name + ".svg"] = Encoding.UTF8.GetBytes(svgs[name]);
            files[name + ".png"] = pngs[name];
        }

        files[HtmlFile] = Encoding.UTF8.GetBytes(HtmlReport.Render(data, svgs, pngs, bestArchitectureJson));
        return files;
    }
}
