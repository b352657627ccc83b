using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Archon.Core.Reporting;
using Archon.Core.Search;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>`archon report &lt;search dir&gt;`: re-renders plots and report.html from a search folder
/// (spec.json, ranking.json, leaderboard.json, candidates/*.json — the store layout, e.g. .archon/archon-search/{id}).</summary>
public sealed class ReportCommand : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SEARCH_DIR>")]
        [Description("Search folder, e.g. .archon/archon-search/default-1a2b3c4d.")]
        public string SearchDir { get; init; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("Where to write the report (default SEARCH_DIR/report).")]
        public string? Out { get; init; }
    }

    private readonly CliConsoles _consoles;

    public ReportCommand(CliConsoles consoles) => _consoles = consoles;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var output = Render(settings.SearchDir, settings.Out);
            _consoles.OutWriter.WriteLine($"report: {Path.Combine(output, SearchReportRenderer.HtmlFile)}");
            return 0;
        }
        catch (Exception e) when (e is IOException or JsonException or SearchSpecException or ArgumentException)
        {
            _consoles.ErrorWriter.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>Renders the report of a search folder; returns the output folder.</summary>
    public static string Render(string searchDir, string? outDir)
    {
        if (!Directory.Exists(searchDir))
        {
            throw new IOException($"{searchDir}: search folder not found");
        }

        var spec = SearchSpecLoader.Parse(Read(searchDir, "spec.json"), Path.Combine(searchDir, "spec.json"));
        var leaderboard = JsonSerializer.Deserialize<Leaderboard>(Read(searchDir, "leaderboard.json"), StoreJson.Options)
            ?? throw new IOException($"{searchDir}/leaderboard.json: empty");
        var ranking = File.Exists(Path.Combine(searchDir, "ranking.json"))
            ? JsonSerializer.Deserialize<ModelRanking>(Read(searchDir, "ranking.json"), StoreJson.Options) : null;
        var candidatesDir = Path.Combine(searchDir, "candidates");
        var results = Directory.Exists(candidatesDir)
            ? Directory.GetFiles(candidatesDir, "*.json").Order(StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<CandidateResult>(File.ReadAllText(f), StoreJson.Options)!).ToList()
            : [];
        var bestPath = Path.Combine(searchDir, "best-architecture.json");
        var best = File.Exists(bestPath) ? File.ReadAllText(bestPath) : null;
        var simulated = spec.Catalog == "sim" || (ranking?.Generators.Any(m => m.Id.StartsWith("sim", StringComparison.OrdinalIgnoreCase)) ?? false);
        var output = outDir ?? Path.Combine(searchDir, "report");
        Directory.CreateDirectory(output);
        var data = new SearchReportData(leaderboard.SearchId, spec, leaderboard, results, ranking, simulated);
        foreach (var (name, bytes) in SearchReportRenderer.Render(data, best))
        {
            File.WriteAllBytes(Path.Combine(output, name), bytes);
        }

        return output;
    }

    private static string Read(string dir, string file)
    {
        var path = Path.Combine(dir, file);
        return File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : throw new IOException($"{path}: not found (is this a search folder?)");
    }
}
