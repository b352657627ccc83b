using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archon.Core.Architecture;
using Archon.Core.Caching;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// <c>archon run</c>: runs one architecture on one prompt in this process, with the providers of the model catalog,
/// and prints the answer with usage totals (or everything, trace included, with --json). Exit 0 on an answer,
/// 1 when the run produced none or hit a budget, 2 on bad input.
/// </summary>
public sealed class RunCommand : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var path = ArchitectureLocator.Find(settings.Architecture);
        if (path is null)
        {
            return Fail($"architecture \"{settings.Architecture}\" not found (searched: {string.Join(", ", ArchitectureLocator.SearchDirectories())})");
        }

        var loaded = ArchitectureLoader.Load(path);
        if (!loaded.Succeeded)
        {
            return Fail(string.Join(Environment.NewLine, loaded.Errors));
        }

        var catalogPath = settings.Models ?? ModelCatalog.FindDefaultPath();
        if (catalogPath is null)
        {
            return Fail("no model catalog: pass --models FILE or set ARCHON_MODELS (see docs/model-catalog.md)");
        }

        ModelCatalog catalog;
        try
        {
            catalog = ModelCatalog.Load(catalogPath);
        }
        catch (CatalogException ex)
        {
            return Fail(ex.Message);
        }

        var architecture = loaded.Architecture!;
        catalog = catalog.ForArchitecture(architecture);
        var problems = catalog.Unresolved(architecture).ToList();
        await using var factory = new ModelClientFactory(catalog, new ModelClientFactoryOptions
        {
            Cache = settings.CacheDir is { } dir ? new FileResponseCacheStore(dir) : null,
        });
        if (problems.Count == 0)
        {
            problems.AddRange(factory.Preflight(architecture.Layers.SelectMany(l => l.Components).Select(c => c.Model).Where(m => m.Length > 0)));
        }

        if (problems.Count > 0)
        {
            return Fail(string.Join(Environment.NewLine, problems));
        }

        var budget = new QueryBudget { MaxCalls = settings.MaxCalls, MaxInputTokens = settings.MaxInputTokens, MaxOutputTokens = settings.MaxOutputTokens, MaxCostUsd = settings.MaxCostUsd };
        PipelineResult result;
        if (settings.Host == HostKind.Durable)
        {
            var outcome = await DurableRun.RunAsync(architecture, settings.Prompt, new ChatClientModelInvoker(factory), catalog, budget, settings.Store, cancellationToken);
            if (outcome.Result is null)
            {
                Console.Error.WriteLine(outcome.Error);
                return 1;
            }

            result = outcome.Result;
        }
        else
        {
            var scheduler = new BudgetScheduler(new InProcessScheduler(new ChatClientModelInvoker(factory)), BudgetGuard.ForCatalog(budget, catalog));
            try
            {
                result = await new ArchitectureRunner().RunAsync(architecture, QueryState.Start([new ChatTurn("user", settings.Prompt)]), scheduler, cancellationToken);
            }
            catch (BudgetExceededException ex)
            {
                Console.Error.WriteLine($"budget: {ex.Message}");
                return 1;
            }
        }

        var label = catalog.Models.Any(m => m.Provider is "loopback") ? "LOOPBACK (canned replies from the in-process endpoint; no model knowledge)" : null;
        if (settings.Json)
        {
            Console.WriteLine(RunJson.Render(architecture, result, label));
        }
        else
        {
            Print(architecture, result, label);
        }

        return result.Answer is null ? 1 : 0;
    }

    private static void Print(ArchitectureConfig architecture, PipelineResult result, string? label)
    {
        if (label is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{label}[/]");
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]{architecture.Name}[/] ({architecture.Layers.Count} layers)");
        AnsiConsole.WriteLine(result.Answer ?? "(no answer: every candidate was lost; see the notes)");
        var layers = new Table().AddColumns("layer", "components", "calls", "failed", "slowest call", "tokens in/out", "cost");
        foreach (var group in result.Trace.GroupBy(e => e.Request.Layer).OrderBy(g => g.Key))
        {
            var types = string.Join(", ", architecture.Layers[group.Key].Components.GroupBy(c => c.Type).Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key));
            layers.AddRow(
                group.Key.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(types),
                group.Count().ToString(CultureInfo.InvariantCulture),
                group.Count(e => !e.Result.Succeeded).ToString(CultureInfo.InvariantCulture),
                $"{group.Max(e => e.Result.LatencyMs).ToString("0", CultureInfo.InvariantCulture)} ms",
                $"{group.Sum(e => e.Result.InputTokens)}/{group.Sum(e => e.Result.OutputTokens)}",
                $"${group.Sum(e => e.Result.CostUsd).ToString("0.####", CultureInfo.InvariantCulture)}");
        }

        AnsiConsole.Write(layers);
        var t = result.Totals;
        AnsiConsole.MarkupLineInterpolated(
            $"[grey]calls {t.Calls} (failed {t.FailedCalls}, cached {t.CachedCalls}, retries {t.Retries}) · tokens in {t.InputTokens} out {t.OutputTokens} · cost ${t.CostUsd.ToString("0.####", CultureInfo.InvariantCulture)}[/]");
        foreach (var note in result.FinalState.Notes)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]note[/] layer {note.Layer}, component {note.Component}: {note.Kind}: {note.Message}");
        }
    }

    private static int Fail(string message)
    {
        // Plain stderr: error lines must not wrap or carry markup, so scripts and users can read them whole.
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }
}
