using System.Globalization;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Archon.Core.Providers;
using Archon.Offline;
using Archon.Offline.Simulation;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// <c>archon check-references</c>: scores each item's own reference answer / canonical solution with the production
/// scorer and prints <c>agreement: X/Y</c>. Exit 0 only when all agree; 1 on disagreement; 2 on bad input.
/// </summary>
public sealed class CheckReferencesCommand : WriterCommand<CheckReferencesSettings>
{
    public CheckReferencesCommand(CliConsoles consoles)
        : base(consoles)
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CheckReferencesSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var datasets = settings.Benchmark.Equals(BuiltinBenchmark.Name, StringComparison.OrdinalIgnoreCase) ? null : DatasetDirectory.Resolve(settings.DatasetDir);
            var sandbox = CodeSandbox.Shared;
            if (settings.Parser is { } p && !BenchmarkRegistry.ParsersOf(settings.Benchmark).Contains(p))
            {
                return Fail($"--parser '{p}' does not apply to {settings.Benchmark} (mixeval and mixeval_hard take rule or model).");
            }

            Microsoft.Extensions.AI.IChatClient? judge = null;
            await using var factory = settings.Judge is null ? null : new ModelClientFactory(ModelCatalog.LoadOrDefault(settings.Models));
            var simulated = false;
            if (factory is not null)
            {
                // The SIMULATED parser needs the items' metadata, handed to it as for an eval run.
                var knowledge = new SimulatorKnowledge();
                knowledge.Register(BenchmarkRegistry.Resolve(settings.Benchmark).Load(datasets, settings.Seed));
                OfflineProviders.Register(factory, knowledge, seed: settings.Seed);
                judge = factory.GetClient(settings.Judge!);
                simulated = SimProvider.AnySimulated(ModelCatalog.LoadOrDefault(settings.Models), [settings.Judge!]);
            }

            var result = await ReferenceChecker.CheckAsync(settings.Benchmark, datasets, settings.Seed, sandbox, settings.Parser, judge, cancellationToken);
            foreach (var d in result.Disagreements.Take(20))
            {
                Output.WriteLine($"disagree: {d}");
            }

            var parser = settings.Parser is null ? "" : $" [{settings.Parser} parser{(settings.Judge is { } j ? $", judge {j}" : "")}{(simulated ? ", SIMULATED" : "")}]";
            Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Benchmark}{parser}: agreement: {result.Agree}/{result.Total} ({result.Seconds:0.0} s)"));
            if (settings.Benchmark is "humaneval" or "mbpp" or "builtin" or "code_contests")
            {
                Output.WriteLine($"sandbox: {sandbox.Isolation}");
            }

            return result.AllAgree ? 0 : 1;
        }
        catch (Exception ex) when (ex is DatasetNotFoundException or ArgumentException or InvalidOperationException or CatalogException or ModelNotConfiguredException or SandboxUnavailableException or SessionPoolException)
        {
            return Fail(ex.Message);
        }
    }
}
