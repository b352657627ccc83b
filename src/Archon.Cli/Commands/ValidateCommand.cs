using Archon.Core.Architecture;
using Archon.Core.Components;
using Archon.Core.Providers;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// <c>archon validate</c>: one line per file (OK or the errors); exit code 1 if any file fails. Plain console output
/// (no markup) so a line never wraps and scripts can grep it.
/// </summary>
public sealed class ValidateCommand : Command<ValidateSettings>
{
    private readonly TextWriter output;

    public ValidateCommand(CliConsoles consoles) => output = consoles.OutWriter;

    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        ComponentRegistry registry;
        try
        {
            registry = CliComponents.Registry(settings.Components);
        }
        catch (ArgumentException ex)
        {
            output.WriteLine($"error: {ex.Message}");
            return 2;
        }

        ModelCatalog? catalog = null;
        if (settings.Models is { } models)
        {
            try
            {
                catalog = ModelCatalog.Load(models);
            }
            catch (CatalogException ex)
            {
                output.WriteLine($"error: {ex.Message}");
                return 2;
            }
        }

        var files = new List<string>();
        foreach (var path in settings.Paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        if (files.Count == 0)
        {
            output.WriteLine("error: no architecture files given");
            return 2;
        }

        var failed = 0;
        foreach (var file in files)
        {
            var result = ArchitectureLoader.Load(file, registry);
            var errors = result.Errors.Select(e => (e with { Source = null }).ToString()).ToList();
            if (result.Succeeded && catalog is not null)
            {
                errors.AddRange(catalog.Unresolved(result.Architecture!));
            }

            if (errors.Count == 0)
            {
                var a = result.Architecture!;
                output.WriteLine($"OK   {file} ({a.Layers.Count} layers, {a.Layers.Sum(l => l.Components.Count)} components, {result.Warnings.Count} warnings)");
            }
            else
            {
                failed++;
                output.WriteLine($"FAIL {file}: {string.Join(" | ", errors)}");
            }

            // Unknown keys are always shown (usually typos: "sample": 3 runs one sample); the rest with --warnings.
            foreach (var w in result.Warnings.Where(w => settings.ShowWarnings || w.Rule == ValidationRules.UnknownKey))
            {
                output.WriteLine($"     {w with { Source = null }}");
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
