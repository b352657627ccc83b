using Archon.Core.Evaluation.Scoring;
using Archon.Core.Execution;

namespace Archon.Core.Evaluation;

/// <summary>One item's outcome: the answer per turn, its score, what it cost, and any pipeline error.</summary>
public sealed record ItemResult(string ItemId, IReadOnlyList<string?> Answers, ItemScore Score, UsageTotals Usage, string? Error = null)
{
    public string? Answer => Answers.Count > 0 ? Answers[^1] : null;
}
