using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Archon.Cli.Commands;

/// <summary>Renders <c>archon models</c> results: one row per catalog entry, then a one-line summary.</summary>
internal static class ModelsTable
{
    public static IRenderable Render(string source, IReadOnlyList<ModelCheck> checks)
    {
        var table = new Table()
            .Title($"Model catalog: {Markup.Escape(source)}")
            .AddColumn("Model")
            .AddColumn("Provider")
            .AddColumn("Endpoint")
            .AddColumn(new TableColumn("$/1M in · out").RightAligned())
            .AddColumn("Credentials")
            .AddColumn("Reachable");
        foreach (var c in checks)
        {
            var e = c.Entry;
            table.AddRow(
                new Markup(Markup.Escape(e.Id == Core.Providers.ModelCatalog.Wildcard ? "* (any other model)" : e.Id)),
                new Markup(Markup.Escape(e.Provider) + (e.Provider.Equals("sim", StringComparison.OrdinalIgnoreCase) ? " [yellow]SIMULATED[/]" : "")),
                Cell(c.Endpoint),
                new Markup(Markup.Escape(Price(e.InputPricePerMillion) + " · " + Price(e.OutputPricePerMillion))),
                Cell(c.Credentials),
                Cell(c.Reachability));
        }

        return table;
    }

    public static string Summary(IReadOnlyList<ModelCheck> checks)
    {
        var ready = checks.Count(c => c.Ready);
        var unreachable = checks.Where(c => c.Unreachable).Select(c => c.ProbeUrl).Distinct().Count();
        return $"{checks.Count} models: {ready} configured, {checks.Count - ready} not configured; "
            + $"{unreachable} endpoint{(unreachable == 1 ? "" : "s")} unreachable";
    }

    private static Markup Cell(CheckOutcome outcome)
    {
        var colour = outcome.Status switch
        {
            CheckStatus.Ok => "green",
            CheckStatus.Failed => "red",
            _ => "grey",
        };
        return new Markup($"[{colour}]{Markup.Escape(outcome.Detail)}[/]");
    }

    private static string Price(decimal perMillion) => perMillion.ToString("0.###", CultureInfo.InvariantCulture);
}
