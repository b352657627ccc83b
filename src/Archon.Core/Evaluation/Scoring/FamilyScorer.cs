namespace Archon.Core.Evaluation.Scoring;

/// <summary>Routes each item to the scorer of its family (the built-in benchmark mixes arithmetic and code items).</summary>
public sealed class FamilyScorer(IReadOnlyDictionary<string, IScorer> byFamily) : IScorer, IMetricNamed
{
    public string Metric => "accuracy (pass@1 for code)";

    public string Name => "by-family (" + string.Join(", ", byFamily.Select(kv => $"{kv.Key}: {kv.Value.Name}")) + ")";

    public Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken) =>
        byFamily.TryGetValue(item.Family, out var scorer)
            ? scorer.ScoreAsync(item, answer, cancellationToken)
            : Task.FromResult(ItemScore.Unscored(item.Id, $"no scorer for family '{item.Family}'"));
}
