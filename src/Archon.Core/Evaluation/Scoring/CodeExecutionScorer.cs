using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;

namespace Archon.Core.Evaluation.Scoring;

/// <summary>HumanEval / MBPP / built-in code: pass@1 by running the item's tests on the candidate in the sandbox.</summary>
public sealed class CodeExecutionScorer(PythonSandbox? sandbox = null) : IScorer, IMetricNamed
{
    public string Metric => "pass@1";

    private readonly PythonSandbox _sandbox = sandbox ?? PythonSandbox.Shared;

    public string Name => "python-unit-tests";

    public async Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return new ItemScore(item.Id, 0, true, null, "empty answer");
        }

        var code = CodeExtractor.Extract(answer, item.Metadata.GetValueOrDefault(MetadataKeys.EntryPoint));
        var result = await _sandbox.RunAsync(CodeProgram.Build(item, code), cancellationToken);
        return new ItemScore(item.Id, result.Passed ? 1 : 0, true, null, Describe(result));
    }

    /// <summary>Runs the item's canonical solution (reference check).</summary>
    public async Task<SandboxResult> RunCanonicalAsync(BenchmarkItem item, CancellationToken cancellationToken) =>
        await _sandbox.RunAsync(CodeProgram.BuildCanonical(item), cancellationToken);

    private static string Describe(SandboxResult r) =>
        r.Passed ? "passed"
        : r.TimedOut ? "timed out"
        : "failed: " + LastLine(r.Stderr);

    private static string LastLine(string s)
    {
        var lines = s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no error output)" : lines[^1];
    }
}
