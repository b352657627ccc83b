namespace Archon.Core.Evaluation.Scoring;

/// <summary>A scorer for multi-turn items (MT-Bench): it receives the architecture's answer to every turn.</summary>
public interface IMultiTurnScorer : IScorer
{
    Task<ItemScore> ScoreTurnsAsync(BenchmarkItem item, IReadOnlyList<string?> answers, CancellationToken cancellationToken);
}
