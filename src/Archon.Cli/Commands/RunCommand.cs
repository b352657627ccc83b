using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archon.Offline;
using Archon.Core.Architecture;
using Archon.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Offline.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// <c>archon run</c>: runs one architecture on one prompt in this process, with the providers of the model catalog,
/// and prints the answer with usage totals (or everything, trace included, with --json). Exit 0 on an answer,
/// 1 when the run produced none or hit a budget, 2 on bad input.
/// </summary>
public sealed class RunCommand : WriterCommand<RunSettings>
{
    /// <summary>First line of every run on the "sim" provider: its figures are not real model output.</summary>
    internal const string SimulatedLabel = "SIMULATED (provider sim: deterministic stand-ins, not real models)";

    public RunCommand(CliConsoles consoles)
        : base(consoles)
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        ArchitectureConfig architecture;
        ModelCatalog catalog;
        ArchitectureRunner runner;
        try
        {
            runner = CliComponents.Runner(settings.Components, settings.Prompts);
            architecture = ArchitectureLocator.Load(settings.Architecture, runner.Registry, Error);
            catalog = ModelCatalog.LoadOrDefault(settings.Models);
        }
        catch (Exception ex) when (ex is ArgumentException or CatalogException)
        {
            return Fail(ex.Message);
        }

        catalog = catalog.ForArchitecture(architecture);
        var problems = catalog.Unresolved(architecture).ToList();
        // The one composition root; a run caches responses only when asked (--cache-dir).
        await using var services = ArchonServices.BuildProvider(new ConfigurationBuilder().AddEnvironmentVariables().Build(), o =>
        {
            o.Catalog = catalog;
            o.Knowledge = new SimulatorKnowledge();
            o.Cache = settings.CacheDir is null ? ResponseCacheLocation.None : ResponseCacheLocation.Folder;
            o.CacheFolder = settings.CacheDir;
        });
        var factory = services.GetRequiredService<ModelClientFactory>();
        var invoker = services.GetRequiredService<IModelInvoker>();
        if (problems.Count == 0)
        {
            problems.AddRange(factory.Preflight(architecture.ModelIds()));
        }

        if (problems.Count > 0)
        {
            return Fail(string.Join(Environment.NewLine, problems));
        }

        var budget = new QueryBudget { MaxCalls = settings.MaxCalls, MaxInputTokens = settings.MaxInputTokens, MaxOutputTokens = settings.MaxOutputTokens, MaxCostUsd = settings.MaxCostUsd };
        PipelineResult result;
        if (settings.Host == HostKind.Durable)
        {
            var outcome = await DurableRun.RunAsync(architecture, settings.Prompt, invoker, catalog, budget, settings.Store, Error, cancellationToken, runner);
            if (outcome.Result is null)
            {
                Error.WriteLine(outcome.Error);
                return 1;
            }

            result = outcome.Result;
        }
        else
        {
            var scheduler = new BudgetScheduler(new InProcessScheduler(invoker), BudgetGuard.ForCatalog(budget, catalog));
            try
            {
                result = await runner.RunAsync(architecture, QueryState.Start([new ChatTurn("user", settings.Prompt)]), scheduler, cancellationToken);
            }
            catch (BudgetExceededException ex)
            {
                Error.WriteLine($"budget: {ex.Message}");
                return 1;
            }
        }

        var label = Label(catalog, architecture);
        if (settings.Json)
        {
            Output.WriteLine(RunJson.Render(architecture, result, label));
        }
        else
        {
            Print(architecture, result, label);
        }

        return result.Answer is null ? 1 : 0;
    }

    private static string? Label(ModelCatalog catalog, ArchitectureConfig architecture)
    {
        var labels = new List<string>();
        if (SimProvider.AnySimulated(catalog, architecture.ModelIds()))
        {
            labels.Add(SimulatedLabel);
        }

        if (catalog.Models.Any(m => m.Provider is "loopback"))
        {
            labels.Add("LOOPBACK (canned replies from the in-process endpoint; no model knowledge)");
        }

        return labels.Count == 0 ? null : string.Join("; ", labels);
    }

    private void Print(ArchitectureConfig architecture, PipelineResult result, string? label)
    {
        if (label is not null)
        {
            Ansi.MarkupLineInterpolated($"[yellow]{label}[/]");
        }

        Ansi.MarkupLineInterpolated($"[bold]{architecture.Name}[/] ({architecture.Layers.Count} layers, prompts {result.PromptPack ?? "?"})");
        Ansi.WriteLine(result.Answer ?? "(no answer: every candidate was lost; see the notes)");
        var layers = new Table().AddColumns("layer", "components", "calls", "failed", "cached", "slowest call", "tokens in/out", "spent");
        foreach (var group in result.Trace.GroupBy(e => e.Request.Layer).OrderBy(g => g.Key))
        {
            var types = string.Join(", ", architecture.Layers[group.Key].Components.GroupBy(c => c.Type).Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key));
            layers.AddRow(
                group.Key.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(types),
                group.Count().ToString(CultureInfo.InvariantCulture),
                group.Count(e => !e.Result.Succeeded).ToString(CultureInfo.InvariantCulture),
                group.Count(e => e.Result.Cached).ToString(CultureInfo.InvariantCulture),
                $"{group.Max(e => e.Result.LatencyMs).ToString("0", CultureInfo.InvariantCulture)} ms",
                $"{group.Sum(e => e.Result.InputTokens)}/{group.Sum(e => e.Result.OutputTokens)}",
                $"${group.Where(e => !e.Result.Cached).Sum(e => e.Result.CostUsd).ToString("0.####", CultureInfo.InvariantCulture)}");
        }

        Ansi.Write(layers);
        var t = result.Totals;
        Ansi.MarkupLineInterpolated(
            $"[grey]calls {t.Calls} (failed {t.FailedCalls}, cached {t.CachedCalls}, retries {t.Retries}) · tokens in {t.InputTokens} out {t.OutputTokens} · spent ${t.CostUsd.ToString("0.####", CultureInfo.InvariantCulture)} · saved by cache ${t.SavedUsd.ToString("0.####", CultureInfo.InvariantCulture)}[/]");
        foreach (var note in result.FinalState.Notes)
        {
            Ansi.MarkupLineInterpolated($"[yellow]note[/] layer {note.Layer}, component {note.Component}: {note.Kind}: {note.Message}");
        }
    }
}
