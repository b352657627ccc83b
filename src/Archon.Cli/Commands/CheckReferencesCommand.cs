using System.Globalization;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// <c>archon check-references</c>: scores each item's own reference answer / canonical solution with the production
/// scorer and prints <c>agreement: X/Y</c>. Exit 0 only when all agree; 1 on disagreement; 2 on bad input.
/// </summary>
public sealed class CheckReferencesCommand : WriterCommand<CheckReferencesSettings>
{
    // Spectre.Console.Cli activates commands through the public parameterless constructor; tests pass writers.
    public CheckReferencesCommand()
        : this(Console.Out, Console.Error)
    {
    }

    internal CheckReferencesCommand(TextWriter output, TextWriter error)
        : base(output, error)
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CheckReferencesSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var datasets = settings.Benchmark.Equals(BuiltinBenchmark.Name, StringComparison.OrdinalIgnoreCase) ? null : DatasetDirectory.Resolve(settings.DatasetDir);
            var sandbox = CodeSandbox.Shared;
            var result = await ReferenceChecker.CheckAsync(settings.Benchmark, datasets, settings.Seed, sandbox, cancellationToken);
            foreach (var d in result.Disagreements.Take(20))
            {
                Output.WriteLine($"disagree: {d}");
            }

            Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Benchmark}: agreement: {result.Agree}/{result.Total} ({result.Seconds:0.0} s)"));
            if (settings.Benchmark is "humaneval" or "mbpp" or "builtin")
            {
                Output.WriteLine($"sandbox: {sandbox.Isolation}");
            }

            return result.AllAgree ? 0 : 1;
        }
        catch (Exception ex) when (ex is DatasetNotFoundException or ArgumentException or InvalidOperationException or SandboxUnavailableException or SessionPoolException)
        {
            return Fail(ex.Message);
        }
    }
}
