using System.Globalization;
using System.Text.Json;
using Archon.Bench.Search;
using Archon.Core.Search;
using Archon.Core.Storage;
using Spectre.Console;

namespace Archon.Cli.Commands;

/// <summary>
/// The engine-landscape half of `archon bench search`: load or build the landscape (progress on stderr), run the
/// algorithms over it, print the issue's JSON object or a table. Everything it prints is SIMULATED.
/// </summary>
public static class BenchSearchEngine
{
    public static async Task<int> RunAsync(CliConsoles consoles, BenchSearchCommand.Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        ArgumentNullException.ThrowIfNull(settings);
        var store = new FileResultStore(settings.Store);
        var bench = new EngineSearchBench(store, settings.Items ?? 200, settings.Parallelism);
        bench.ItemFinished += (done, total) =>
        {
            if (done % 10 == 0 || done == total)
            {
                consoles.ErrorWriter.WriteLine(string.Create(CultureInfo.InvariantCulture, $"landscape: {done}/{total} items (SIMULATED)"));
            }
        };
        if (!settings.Json)
        {
            bench.SeedFinished += (name, seed) => consoles.ErrorWriter.Write(seed == settings.Seeds ? $"{name} done\n" : ".");
        }

        var landscape = await bench.LandscapeAsync(settings.Rebuild, cancellationToken);
        consoles.ErrorWriter.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"landscape {(bench.Reused ? "reused from" : "stored in")} {bench.StoredAs}: {landscape.Space.Count} architectures × {landscape.ItemCount} items, {landscape.Data.Prefixes} distinct layer prefixes, built in {landscape.Data.Seconds:F0} s wall, {landscape.Data.CpuSeconds:F0} s CPU; {landscape.WithinOfBest(0.5)} point(s) within 0.5 of the best"));
        var algorithms = settings.Algorithms.Split(',').Select(a => a.Trim()).ToList();
        var result = bench.Run(landscape, algorithms, settings.Seeds, BenchSearchCommand.BenchOptions(settings.MaxEvaluations ?? 150, settings.MinEvaluations ?? 60));
        if (settings.Json)
        {
            consoles.OutWriter.WriteLine(JsonSerializer.Serialize(result, BenchSearchCommand.Indented));
            return 0;
        }

        var details = bench.Details!;
        var table = new Table().Title($"SIMULATED engine landscape: {result.SpaceSize} architectures, {result.Items} items, {result.Seeds} seeds; success = within 0.5 pt of the true best")
            .AddColumns("algorithm", "success", "median evals", "median gap", "s");
        foreach (var a in details.Algorithms)
        {
            table.AddRow(a.Name, BenchSearchCommand.P(a.SuccessRate), BenchSearchCommand.F(a.MedianEvaluations, 1), BenchSearchCommand.F(a.MedianGap, 2), BenchSearchCommand.F(a.Seconds, 1));
        }

        consoles.Out.Write(table);
        var saved = 1 - (double)result.ModelCallsWithReuse / Math.Max(1, result.ModelCallsWithoutReuse);
        consoles.OutWriter.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"true best: {details.TrueBest} ({result.TrueBest:F2}); landscape model calls: {result.ModelCallsWithoutReuse} without reuse, {result.ModelCallsWithReuse} with ({saved:P1} fewer); built in {result.LandscapeSeconds:F0} s. SIMULATED."));
        return 0;
    }
}
