using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Archon.Core.Architecture;
using Archon.Core.Providers;
using Archon.Core.Search;
using Archon.Offline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// `archon space SPEC [--contains ARCHITECTURE.json] [--json]`: the search space a spec defines — its axes, the
/// product of the axes, what each constraint and the per-query budget removed, and the size. With --contains, exit 0
/// when the architecture is a point of the space and 1 otherwise, naming the first axis it violates. Bad input
/// (spec, catalog, architecture file) exits 2 with one line naming the file, field and rule.
/// </summary>
public sealed class SpaceCommand : Command<SpaceCommand.Settings>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("Search spec JSON.")]
        public string Spec { get; init; } = "";

        [CommandOption("--contains <ARCHITECTURE>")]
        [Description("Architecture file to check for membership in the space.")]
        public string? Contains { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object: space_size, axes, product, removed_by_constraints, removed_by_budget, contains.")]
        public bool Json { get; init; }
    }

    private readonly CliConsoles _consoles;

    public SpaceCommand(CliConsoles consoles) => _consoles = consoles;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            return Run(settings);
        }
        catch (Exception e) when (e is SearchSpecException or CatalogException or IOException)
        {
            _consoles.ErrorWriter.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private int Run(Settings settings)
    {
        var spec = SearchSpecLoader.Load(settings.Spec);
        var catalog = CatalogSearchEnvironment.LoadCatalog(spec.Catalog, Path.GetDirectoryName(Path.GetFullPath(settings.Spec)), OfflineProviders.NamedCatalog);
        var models = new CatalogSearchEnvironment(catalog, null).Models(spec);
        var (description, space) = SpaceDescription.Describe(spec, models);
        if (settings.Contains is { } path)
        {
            var load = ArchitectureLoader.Load(path);
            if (!load.Succeeded)
            {
                _consoles.ErrorWriter.WriteLine($"error: {load.Errors[0]}");
                return 2;
            }

            var (violation, point) = SpaceDescription.Check(space, load.Architecture!, models);
            description = description with { Contains = violation is null, Violation = violation is null ? null : $"{path}: {violation}", Point = point?.Key };
        }

        if (settings.Json)
        {
            _consoles.OutWriter.WriteLine(JsonSerializer.Serialize(description, Indented));
        }
        else
        {
            Print(description, settings.Spec);
        }

        if (SpaceDescription.EmptyReason(space) is { } empty)
        {
            // An empty space is a spec error (a search on it would fail in preprocessing); the figures above show why.
            _consoles.ErrorWriter.WriteLine($"error: {settings.Spec}: {empty}");
            return 2;
        }

        if (description.Contains == false)
        {
            _consoles.ErrorWriter.WriteLine($"not in the space: {description.Violation}");
            return 1;
        }

        return 0;
    }

    private void Print(SpaceDescription d, string specPath)
    {
        var table = new Table().Title($"search space of {Markup.Escape(specPath)}").AddColumns("axis", "values");
        foreach (var (axis, values) in d.Axes)
        {
            table.AddRow(Markup.Escape(axis), Markup.Escape(values is System.Collections.IEnumerable list and not string
                ? string.Join(", ", list.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))
                : Convert.ToString(values, CultureInfo.InvariantCulture) ?? ""));
        }

        _consoles.Out.Write(table);
        var removed = string.Join(", ", d.RemovedByConstraints.Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value:N0}")));
        _consoles.OutWriter.WriteLine(FormattableString.Invariant($"product of the axes: {d.Product:N0}; removed by constraints: {removed}; removed by budget: {d.RemovedByBudget:N0}"));
        _consoles.OutWriter.WriteLine(FormattableString.Invariant($"space size: {d.SpaceSize:N0}"));
        if (d.Contains is { } contains)
        {
            _consoles.OutWriter.WriteLine(contains ? $"contains {d.Point}: yes" : $"contains: no ({d.Violation})");
        }
    }
}
