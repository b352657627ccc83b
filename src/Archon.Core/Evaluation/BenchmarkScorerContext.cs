using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation;

/// <summary>What a benchmark's scorer may need: the dataset folder (judge prompts), a judge client, a seed, the sandbox,
/// and the benchmark's scoring choices (metric, parser, baseline answers).</summary>
public sealed record BenchmarkScorerContext(DatasetDirectory? Datasets, IChatClient? Judge, int Seed, ICodeSandbox? Sandbox = null)
{
    /// <summary>MT-Bench: <c>single</c> (default, 1–10 grading) or <c>pairwise</c> (against <see cref="BaselineAnswers"/>).</summary>
    public string? Metric { get; init; }

    /// <summary>MixEval: <c>rule</c> (default) or <c>model</c> (needs <see cref="Judge"/>).</summary>
    public string? Parser { get; init; }

    /// <summary>MT-Bench pairwise baseline answers by item id (turn 1, turn 2); null = the dataset's gpt-4 reference answers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? BaselineAnswers { get; init; }

    /// <summary>Name of the baseline for reports (e.g. "gpt-4 (mt_bench reference answers)" or a file name).</summary>
    public string? BaselineName { get; init; }
}
