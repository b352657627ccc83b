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
/// `archon bench search`: every algorithm, many seeds, on a SIMULATED landscape of a paper-sized space: success rate
/// (recommended architecture within 0.5 points of the true best), median full-evaluation equivalents, and model calls
/// with and without cache + prefix reuse. <c>--landscape tabular</c> (default): a closed-form outcome model of 9,576
/// architectures. <c>--landscape engine</c>: every architecture of a 10,710-point space run through the real
/// ArchitectureRunner over the SIMULATED fleet on built-in items, stored in the result store and reused
/// (<see cref="EngineSearchBench"/>).
/// </summary>
public sealed class BenchSearchCommand : AsyncCommand<BenchSearchCommand.Settings>
{
    internal static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--seeds <N>")]
        [Description("Searches per algorithm (default 20).")]
        public int Seeds { get; init; } = 20;

        [CommandOption("--algorithms <LIST>")]
        [Description("Comma-separated: random, greedy, bo, bo-mf (default all four).")]
        public string Algorithms { get; init; } = "random,greedy,bo,bo-mf";

        [CommandOption("--landscape <KIND>")]
        [Description("tabular (closed-form outcome model, default) or engine (every architecture run by the engine over the SIMULATED fleet; built once, stored).")]
        public string Landscape { get; init; } = "tabular";

        [CommandOption("--items <N>")]
        [Description("Items of the landscape (default 500 for tabular, 200 built-in items for engine).")]
        public int? Items { get; init; }

        [CommandOption("--store <DIR>")]
        [Description("Result store folder where the engine landscape is kept (default .archon).")]
        public string Store { get; init; } = ".archon";

        [CommandOption(CliOptions.Parallelism)]
        [Description("Items the engine landscape build runs at once (default min(2, cores)).")]
        public int Parallelism { get; init; } = Math.Max(1, Math.Min(2, Environment.ProcessorCount));

        [CommandOption("--rebuild")]
        [Description("Build the engine landscape again even when the store has it.")]
        public bool Rebuild { get; init; }

        [CommandOption("--max-evaluations <N>")]
        [Description("Budget per search in full-evaluation equivalents (default 250 on tabular, 150 on engine: the goal of issue #10).")]
        public double? MaxEvaluations { get; init; }

        [CommandOption("--min-evaluations <N>")]
        [Description("BO may stop on negligible EI only after this many full-evaluation equivalents (default min(200, max) on tabular, 60 on engine).")]
        public double? MinEvaluations { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object instead of the table.")]
        public bool Json { get; init; }

    public override ValidationResult Validate() =>
            Seeds < 1 ? ValidationResult.Error("--seeds: must be >= 1")
            : Landscape is not ("tabular" or "engine") ? ValidationResult.Error($"--landscape: '{Landscape}' is not a landscape (use tabular or engine)")
            : Items < 10 ? ValidationResult.Error("--items: must be >= 10")
            : Parallelism < 1 ? ValidationResult.Error("--parallelism: must be >= 1")
            : MaxEvaluations < 1 ? ValidationResult.Error("--max-evaluations: must be >= 1")
            : Algorithms.Split(',').FirstOrDefault(a => !SearchAlgorithms.Names.Contains(a.Trim())) is { } bad ? ValidationResult.Error($"--algorithms: unknown '{bad}'")
            : ValidationResult.Success();
    }

    /// <summary>The options the published figures use; the bench and its test share them.</summary>
    public static SearchAlgorithmOptions BenchOptions(double maxEvaluations, double? minEvaluations = null) => new()
    {
        MaxEvaluations = maxEvaluations,
        MinEvaluations = (int)Math.Min(minEvaluations ?? 200, maxEvaluations),
        EiStopFraction = 0.001,
        BatchSize = 8,
        InitialPoints = 12,
        // bo-mf: rungs at 1/3 and all items. A 1/9 rung (56 of 500 items) is too noisy to rank near-best architectures.
        Eta = 3,
        Rungs = 2,
    };

    private readonly CliConsoles _consoles;

    public BenchSearchCommand(CliConsoles consoles) => _consoles = consoles;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Landscape == "engine")
        {
            return await BenchSearchEngine.RunAsync(_consoles, settings, cancellationToken);
        }

        var watch = Stopwatch.StartNew();
        var space = new SearchSpace(new SearchSpaceBounds(), new ArchitectureEncoder(LandscapeFleet.Ranking()));
        var landscape = new TabularLandscape(space, settings.Items ?? 500);
        var bench = new SearchBenchmark(landscape, BenchOptions(settings.MaxEvaluations ?? 250, settings.MinEvaluations));
        if (!settings.Json)
        {
            bench.SeedFinished += (name, seed) => _consoles.ErrorWriter.Write(seed == settings.Seeds ? $"{name} done\n" : ".");
        }

        var result = bench.Run([.. settings.Algorithms.Split(',').Select(a => a.Trim())], settings.Seeds);
        if (settings.Json)
        {
            _consoles.OutWriter.WriteLine(JsonSerializer.Serialize(result, Indented));
            return 0;
        }

        var table = new Table().Title($"SIMULATED tabular landscape: {result.SpaceSize} architectures, {result.Items} items, {result.Seeds} seeds; success = within 0.5 pt of the true best")
            .AddColumns("algorithm", "success", "median evals", "gap", "calls w/o reuse", "calls w/ reuse", "saved", "s");
        foreach (var a in result.Algorithms)
        {
            table.AddRow(a.Name, P(a.SuccessRate), F(a.MedianEvaluations, 1), F(a.MedianGap, 2), a.ModelCallsWithoutReuse.ToString(CultureInfo.InvariantCulture),
                a.ModelCallsWithReuse.ToString(CultureInfo.InvariantCulture), P(1 - (double)a.ModelCallsWithReuse / Math.Max(1, a.ModelCallsWithoutReuse)), F(a.Seconds, 1));
        }

        _consoles.Out.Write(table);
        _consoles.OutWriter.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"true best: {result.TrueBest} ({result.TrueBestScore:F2}); model calls for {(result.Algorithms.FirstOrDefault(a => a.Name == "bo-mf") ?? result.Algorithms.FirstOrDefault(a => a.Name == "bo") ?? result.Algorithms[0]).Name}: {result.ModelCallsWithoutReuse} without reuse, {result.ModelCallsWithReuse} with ({1 - (double)result.ModelCallsWithReuse / Math.Max(1, result.ModelCallsWithoutReuse):P1} fewer); {watch.Elapsed.TotalSeconds:F0} s. SIMULATED."));
        return 0;
    }

    internal static string F(double v, int d) => v.ToString("F" + d, CultureInfo.InvariantCulture);

    internal static string P(double v) => v.ToString("P0", CultureInfo.InvariantCulture);
}
