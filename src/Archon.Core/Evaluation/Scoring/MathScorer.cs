namespace Archon.Core.Evaluation.Scoring;

/// <summary>MATH / MATH-500: extract the final answer and compare with <see cref="MathEquivalence"/>.</summary>
public sealed class MathScorer : IScorer, IMetricNamed
{
    public string Metric => "accuracy";

    public string Name => "math-equivalence";

    public Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken)
    {
        var extracted = MathAnswerExtractor.Extract(answer);
        var correct = MathEquivalence.AreEquivalent(extracted, item.Reference);
        return Task.FromResult(new ItemScore(item.Id, correct ? 1 : 0, true, extracted,
            extracted is null ? "no \\boxed{} or 'The answer is' found" : null));
    }
}
