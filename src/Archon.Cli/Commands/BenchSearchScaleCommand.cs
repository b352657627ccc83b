using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Archon.Bench.Scale;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// `archon bench search-scale`: the durable search orchestration end to end (embedded Durable host, file store) with
/// N candidates × M dev items on the SIMULATED fleet: wall time, candidate-items per second, model calls, peak managed
/// heap and peak RSS (goal at 100 × 100: RSS ≤ 1 GiB).
/// </summary>
public sealed class BenchSearchScaleCommand(CliConsoles consoles) : WriterCommand<BenchSearchScaleCommand.Settings>(consoles)
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--candidates <N>")]
        [Description("Architectures the (random) search evaluates on the dev items (default 100).")]
        public int Candidates { get; init; } = 100;

        [CommandOption("--items <N>")]
        [Description("Dev items per candidate: generated arithmetic problems (default 100).")]
        public int Items { get; init; } = 100;

        [CommandOption("--batch-size <N>")]
        [Description("Candidates per search round, evaluated at once (default 20).")]
        public int BatchSize { get; init; } = 20;

        [CommandOption("--item-parallelism <N>")]
        [Description("Items in flight per candidate (default 16).")]
        public int ItemParallelism { get; init; } = 16;

        [CommandOption("--json")]
        [Description("Print one JSON object instead of a table.")]
        public bool Json { get; init; }

        public SearchScaleOptions Options() => new() { Candidates = Candidates, Items = Items, BatchSize = BatchSize, ItemParallelism = ItemParallelism };

        public override ValidationResult Validate() => Options().Validate() is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var r = await SearchScaleBenchmark.RunAsync(settings.Options(), cancellationToken);
        if (settings.Json)
        {
            Output.WriteLine(JsonSerializer.Serialize(r));
            return 0;
        }

        static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("candidates × dev items", $"{r.Candidates} × {r.Items}");
        table.AddRow("wall time", $"{F(r.Seconds)} s");
        table.AddRow("candidate-items / s", F(r.CandidateItemsPerSecond));
        table.AddRow("model calls (SIMULATED)", r.ModelCalls.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("peak managed heap", $"{F(r.PeakManagedMb)} MB");
        table.AddRow("peak RSS (goal ≤ 1024 MB at 100 × 100)", $"{F(r.PeakRssMb)} MB");
        Ansi.MarkupLine("[red bold]SIMULATED[/] fleet (instant calls); random search through the embedded Durable host, file store.");
        Ansi.Write(table);
        return 0;
    }
}
