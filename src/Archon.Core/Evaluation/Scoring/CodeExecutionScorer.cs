using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;

namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// HumanEval / MBPP / built-in code: pass@1. The item's tests run in a checker outside the candidate's interpreter and
/// call the candidate's functions through the sandbox (<see cref="ICodeSandbox.CheckAsync"/>); only the checker's
/// verdict scores. Nothing the candidate prints, returns, or exits with can score a pass (docs/sandbox.md).
/// </summary>
public sealed class CodeExecutionScorer(ICodeSandbox? sandbox = null) : IScorer, IMetricNamed
{
    public string Metric => "pass@1";

    private readonly ICodeSandbox _sandbox = sandbox ?? CodeSandbox.Shared;

    public string Name => "python-unit-tests";

    public async Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrWhiteSpace(answer))
        {
            return new ItemScore(item.Id, 0, true, null, "empty answer");
        }

        var code = CodeExtractor.Extract(answer, item.Metadata.GetValueOrDefault(MetadataKeys.EntryPoint));
        var verdict = await _sandbox.CheckAsync(CodeProgram.Check(item, code), cancellationToken);
        return new ItemScore(item.Id, verdict.Passed ? 1 : 0, true, null, Describe(verdict));
    }

    /// <summary>Runs the item's canonical solution (reference check).</summary>
    public async Task<SandboxVerdict> RunCanonicalAsync(BenchmarkItem item, CancellationToken cancellationToken) =>
        await _sandbox.CheckAsync(CodeProgram.CanonicalCheck(item), cancellationToken);

    private static string Describe(SandboxVerdict v) => v.Passed ? "passed" : v.TimedOut ? "timed out" : v.Detail;
}
