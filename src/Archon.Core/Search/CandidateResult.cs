using Archon.Core.Architecture;

namespace Archon.Core.Search;

/// <summary>
/// One evaluated candidate (stored at archon-search/{searchId}/candidates/{candidateId}.json). Score is 0–100 over the
/// items scored; <see cref="StdError"/> is the standard error of that mean; cost and latency are per query. Judge figures
/// (judge-scored benchmarks) are the scoring's own calls, separate from the candidate's: made, served from cache, dollars.
/// </summary>
public sealed record CandidateResult(
    string SearchId,
    string CandidateId,
    string PointKey,
    string Split,
    double Fidelity,
    int Bracket,
    int Items,
    double Score,
    double StdError,
    double CostUsd,
    double LatencyMs,
    long CallsNeeded,
    long CallsMade,
    ArchitectureConfig Architecture,
    IReadOnlyList<CandidateItemScore> ItemScores,
    int Sequence = 0,
    long JudgeCallsMade = 0,
    long JudgeCallsCached = 0,
    double JudgeCostUsd = 0)
{
    public Observation ToObservation() => new(SearchPoint.TryParse(PointKey)!, Fidelity, Score, CostUsd, LatencyMs, Bracket);

    /// <summary>95% confidence interval of the score (normal approximation of the item mean).</summary>
    public (double Low, double High) Ci95 => (Math.Max(0, Score - 1.96 * StdError), Math.Min(100, Score + 1.96 * StdError));
}

/// <summary>Score of one item (0..1 for verifiable families) and whether it could be scored.</summary>
public sealed record CandidateItemScore(string ItemId, double Value, bool Scored);
