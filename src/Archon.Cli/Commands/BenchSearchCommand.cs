using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Archon.Core.Search;
using Archon.Bench.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// `archon bench search`: every algorithm, many seeds, on the tabular SIMULATED landscape of the paper-sized space
/// (9,576 architectures): success rate (recommended architecture within 0.5 points of the true best), median
/// full-evaluation equivalents, and model calls with and without cache + prefix reuse.
/// </summary>
public sealed class BenchSearchCommand : AsyncCommand<BenchSearchCommand.Settings>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--seeds <N>")]
        [Description("Searches per algorithm (default 20).")]
        public int Seeds { get; init; } = 20;

        [CommandOption("--algorithms <LIST>")]
        [Description("Comma-separated: random, greedy, bo, bo-mf (default all four).")]
        public string Algorithms { get; init; } = "random,greedy,bo,bo-mf";

        [CommandOption("--items <N>")]
        [Description("Dev items of the landscape (item-level noise; default 500).")]
        public int Items { get; init; } = 500;

        [CommandOption("--max-evaluations <N>")]
        [Description("Budget per search in full-evaluation equivalents (default 250).")]
        public double MaxEvaluations { get; init; } = 250;

        [CommandOption("--json")]
        [Description("Print one JSON object instead of the table.")]
        public bool Json { get; init; }

    public override ValidationResult Validate() =>
            Seeds < 1 ? ValidationResult.Error("--seeds: must be >= 1")
            : Items < 10 ? ValidationResult.Error("--items: must be >= 10")
            : MaxEvaluations < 1 ? ValidationResult.Error("--max-evaluations: must be >= 1")
            : Algorithms.Split(',').FirstOrDefault(a => !SearchAlgorithms.Names.Contains(a.Trim())) is { } bad ? ValidationResult.Error($"--algorithms: unknown '{bad}'")
            : ValidationResult.Success();
    }

    /// <summary>The options the published figures use; the bench and its test share them.</summary>
    public static SearchAlgorithmOptions BenchOptions(double maxEvaluations) => new()
    {
        MaxEvaluations = maxEvaluations,
        MinEvaluations = (int)Math.Min(200, maxEvaluations),
        EiStopFraction = 0.001,
        BatchSize = 8,
        InitialPoints = 12,
        // bo-mf: rungs at 1/3 and all items. A 1/9 rung (56 of 500 items) is too noisy to rank near-best architectures.
        Eta = 3,
        Rungs = 2,
    };

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var space = new SearchSpace(new SearchSpaceBounds(), new ArchitectureEncoder(LandscapeFleet.Ranking()));
        var landscape = new TabularLandscape(space, settings.Items);
        var bench = new SearchBenchmark(landscape, BenchOptions(settings.MaxEvaluations));
        if (!settings.Json)
        {
            bench.SeedFinished += (name, seed) => Console.Error.Write(seed == settings.Seeds ? $"{name} done\n" : ".");
        }

        var result = bench.Run([.. settings.Algorithms.Split(',').Select(a => a.Trim())], settings.Seeds);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(result, Indented));
            return Task.FromResult(0);
        }

        var table = new Table().Title($"SIMULATED tabular landscape: {result.SpaceSize} architectures, {result.Items} items, {result.Seeds} seeds; success = within 0.5 pt of the true best")
            .AddColumns("algorithm", "success", "median evals", "gap", "calls w/o reuse", "calls w/ reuse", "saved", "s");
        foreach (var a in result.Algorithms)
        {
            table.AddRow(a.Name, P(a.SuccessRate), F(a.MedianEvaluations, 1), F(a.MedianGap, 2), a.ModelCallsWithoutReuse.ToString(CultureInfo.InvariantCulture),
                a.ModelCallsWithReuse.ToString(CultureInfo.InvariantCulture), P(1 - (double)a.ModelCallsWithReuse / Math.Max(1, a.ModelCallsWithoutReuse)), F(a.Seconds, 1));
        }

        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"true best: {result.TrueBest} ({result.TrueBestScore:F2}); model calls for {(result.Algorithms.FirstOrDefault(a => a.Name == "bo-mf") ?? result.Algorithms.FirstOrDefault(a => a.Name == "bo") ?? result.Algorithms[0]).Name}: {result.ModelCallsWithoutReuse} without reuse, {result.ModelCallsWithReuse} with ({1 - (double)result.ModelCallsWithReuse / Math.Max(1, result.ModelCallsWithoutReuse):P1} fewer); {watch.Elapsed.TotalSeconds:F0} s. SIMULATED."));
        return Task.FromResult(0);
    }

    private static string F(double v, int d) => v.ToString("F" + d, CultureInfo.InvariantCulture);

    private static string P(double v) => v.ToString("P0", CultureInfo.InvariantCulture);
}
