using Archon.Core.Evaluation.Statistics;

namespace Archon.Core.Evaluation;

/// <summary>A benchmark run: the summary (mean, n, CI, seed, cost, calls) and every item's result.</summary>
public sealed record EvaluationResult(ScoreSummary Summary, IReadOnlyList<ItemResult> Items)
{
    /// <summary>Id (name@version) of the prompt pack the components used; reports print it.</summary>
    public string? PromptPack { get; init; }
}
