using Archon.Core.Evaluation.Statistics;

namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// A scorer whose benchmark-level metric is not the plain mean of item values (Arena-Hard's battle win rate, MixEval's
/// count-weighted overall with per-source scores, AlpacaEval's length-controlled GLM). The evaluator hands it every
/// item with its result once all items are scored.
/// </summary>
public interface IAggregatingScorer : IScorer
{
    ScoreSummary Aggregate(string benchmark, IReadOnlyList<BenchmarkItem> items, IReadOnlyList<ItemResult> results, int seed);
}
