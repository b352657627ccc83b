using Archon.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Archon.Offline;
using Archon.Core.Architecture;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Offline.Simulation;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// <c>archon eval</c>: runs an architecture over a benchmark (optionally a seeded dev/test split and a limit), prints
/// the score with n, bootstrap 95% CI, seed, cost and calls, and writes per-item results as JSONL.
/// Runs on the sim provider are labelled SIMULATED. Exit 0 on success, 1 if any item's pipeline failed, 2 on bad input.
/// </summary>
public sealed class EvalCommand : WriterCommand<EvalSettings>
{
    public EvalCommand(CliConsoles consoles)
        : base(consoles)
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, EvalSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(settings, cancellationToken);
        }
        catch (Exception ex) when (ex is DatasetNotFoundException or ArgumentException or CatalogException or ArchitectureException or InvalidOperationException or ModelNotConfiguredException or SandboxUnavailableException or SessionPoolException)
        {
            return Fail(ex.Message);
        }
    }

    private async Task<int> RunAsync(EvalSettings settings, CancellationToken ct)
    {
        var definition = BenchmarkRegistry.Resolve(settings.Benchmark);
        var datasets = definition.NeedsDatasets ? DatasetDirectory.Resolve(settings.DatasetDir) : null;
        var runner = CliComponents.Runner(settings.Components, settings.Prompts);
        var architecture = ArchitectureLocator.Load(settings.Architecture, runner.Registry, Error);
        var catalog = ModelCatalog.LoadOrDefault(settings.Models);
        var unresolved = catalog.Unresolved(architecture).ToList();
        if (unresolved.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, unresolved));
        }

        ValidateChoices(settings, definition.Name);
        var items = DatasetSplitter.Select(definition.Load(datasets, settings.Seed), settings.Split, settings.Seed);
        if (settings.Limit is { } limit) { items = items.Take(limit).ToList(); }
        var modelIds = architecture.ModelIds().ToList();
        if (settings.Judge is { } judgeId) { modelIds.Add(judgeId); }
        var simulated = SimProvider.AnySimulated(catalog, modelIds);

        var knowledge = new SimulatorKnowledge();
        knowledge.Register(items);
        // The one composition root; evaluation measures fresh calls, so no response cache.
        await using var services = ArchonServices.BuildProvider(new ConfigurationBuilder().AddEnvironmentVariables().Build(), o =>
        {
            o.Catalog = catalog;
            o.Knowledge = knowledge;
            o.SimulatorSeed = settings.Seed;
            o.Cache = ResponseCacheLocation.None;
        });
        var factory = services.GetRequiredService<ModelClientFactory>();
        var judge = settings.Judge is { } j ? factory.GetClient(j) : null;
        var scorer = definition.CreateScorer(new BenchmarkScorerContext(datasets, judge, settings.Seed)
        {
            Metric = settings.Metric,
            Parser = settings.Parser,
            BaselineAnswers = settings.BaselineAnswers is { } file ? MtBenchAnswerFile.Read(file) : null,
            BaselineName = settings.BaselineAnswers is { } baselineFile ? Path.GetFileNameWithoutExtension(baselineFile) : null,
        });
        var scheduler = new InProcessScheduler(services.GetRequiredService<IModelInvoker>());

        if (simulated)
        {
            Output.WriteLine("SIMULATED: models from the sim provider (offline stand-ins); these figures are not real model results.");
        }

        Error.WriteLine($"{architecture.Name} on {definition.Name} ({settings.Split}, {items.Count} items, seed {settings.Seed})");
        var done = 0;
        var result = await new BenchmarkEvaluator(runner).EvaluateAsync(architecture, items, scheduler, scorer, new EvaluationOptions
        {
            Parallelism = settings.Parallelism,
            Seed = settings.Seed,
            Simulated = simulated,
            BenchmarkName = definition.Name,
            OnItem = _ =>
            {
                var n = Interlocked.Increment(ref done);
                if (n % Math.Max(1, items.Count / 10) == 0 || n == items.Count) { Error.WriteLine($"  {n}/{items.Count}"); }
            },
        }, ct);

        var resultsPath = settings.Output ?? Path.Combine("eval-results",
            string.Create(CultureInfo.InvariantCulture, $"{Safe(architecture.Name)}.{definition.Name}.{settings.Split}.seed{settings.Seed}.jsonl"));
        EvalResultsWriter.Write(resultsPath, architecture.Name, result);
        Output.WriteLine(result.Summary.Format());
        Output.WriteLine($"prompts {result.PromptPack}");
        foreach (var line in result.Summary.FormatDetails()) { Output.WriteLine(line); }
        if (settings.Judge is { } judgeName) { Output.WriteLine($"judge: {judgeName}{(simulated ? " (SIMULATED)" : "")}"); }
        if (settings.SaveAnswers is { } answersPath)
        {
            MtBenchAnswerFile.Write(answersPath, architecture.Name, result.Items.Select(i => (i.ItemId, i.Answers)));
            Output.WriteLine($"answers (FastChat model_answer format): {answersPath}");
        }

        Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tokens in {result.Summary.InputTokens} out {result.Summary.OutputTokens} · failed calls {result.Summary.FailedCalls} · per-item results: {resultsPath}"));
        if (settings.Compare is { } other)
        {
            var (otherName, otherScores) = EvalResultsReader.Read(other);
            var mine = result.Items.Where(i => i.Score.Scored).ToDictionary(i => i.ItemId, i => i.Score.Value);
            var cmp = Archon.Core.Evaluation.Statistics.PairedComparison.Compute(otherScores, mine, settings.Seed);
            Output.WriteLine((simulated ? "[SIMULATED] " : "") + cmp.Format(otherName, architecture.Name));
        }

        var failed = result.Items.Where(i => i.Error is not null).ToList();
        foreach (var f in failed.Take(5)) { Error.WriteLine($"item {f.ItemId}: {f.Error}"); }
        return failed.Count == 0 ? 0 : 1;
    }

    private static void ValidateChoices(EvalSettings settings, string benchmark)
    {
        var metrics = BenchmarkRegistry.MetricsOf(benchmark);
        if (settings.Metric is { } m && !metrics.Contains(m))
        {
            throw new ArgumentException(metrics.Count == 0 ? $"--metric is not an option of {benchmark}." : $"--metric '{m}' is not a {benchmark} metric: use {string.Join(" or ", metrics)}.");
        }

        var parsers = BenchmarkRegistry.ParsersOf(benchmark);
        if (settings.Parser is { } p && !parsers.Contains(p))
        {
            throw new ArgumentException(parsers.Count == 0 ? $"--parser is not an option of {benchmark}." : $"--parser '{p}' is not a {benchmark} parser: use {string.Join(" or ", parsers)}.");
        }

        if (settings.BaselineAnswers is not null && settings.Metric != "pairwise")
        {
            throw new ArgumentException("--baseline-answers is for --benchmark mt_bench --metric pairwise.");
        }
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
