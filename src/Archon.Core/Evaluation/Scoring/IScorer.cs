namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// Scores one answer to one item. Separate from running the architecture so a durable orchestration can run items
/// and score them later in an activity (code execution and judge calls are I/O).
/// </summary>
public interface IScorer
{
    /// <summary>Short name shown in reports (e.g. "math-equivalence", "python-unit-tests").</summary>
    string Name { get; }

    Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken);
}
