using Archon.Core.Architecture;

namespace Archon.Core.Search;

/// <summary>
/// One evaluated candidate (stored at archon-search/{searchId}/candidates/{candidateId}.json). Score is 0–100 over the
/// items scored; <see cref="StdError"/> is the standard error of that mean; cost and latency are per query.
/// <see cref="CostUsd"/> is the measured $/query; <see cref="EstimatedCostUsd"/> what the planner estimated before
/// running. <see cref="Status"/>: "ok", "failed" (every item's model calls failed: <see cref="Error"/> has the
/// provider's error) or "over-budget" (measured $/query above the per-query budget, or items the budget stopped).
/// Judge figures (judge-scored benchmarks) are the scoring's own calls, separate from the candidate's: made, served
/// from cache, dollars.
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
    double EstimatedCostUsd = 0,
    int FailedItems = 0,
    int OverBudgetItems = 0,
    string? Error = null,
    string Status = CandidateStatus.Ok,
    long JudgeCallsMade = 0,
    long JudgeCallsCached = 0,
    double JudgeCostUsd = 0)
{
    /// <summary>Cost of this candidate's items as if run alone (sum); <see cref="SpentUsd"/> is what its calls that
    /// reached a model cost, so the difference is what prefix reuse and the response cache saved.</summary>
    public double TotalCostUsd { get; init; }

    public double SpentUsd { get; init; }

    public bool IsOk => Status == CandidateStatus.Ok;

    /// <summary>What the algorithm learns: a failed or over-budget candidate counts as the worst score (as the reference scores it −1).</summary>
    public Observation ToObservation() => new(SearchPoint.TryParse(PointKey)!, Fidelity, IsOk ? Score : 0, CostUsd, LatencyMs, Bracket);

    /// <summary>95% confidence interval of the score (normal approximation of the item mean).</summary>
    public (double Low, double High) Ci95 => (Math.Max(0, Score - 1.96 * StdError), Math.Min(100, Score + 1.96 * StdError));
}

/// <summary>Score of one item (0..1 for verifiable families) and whether it could be scored.</summary>
public sealed record CandidateItemScore(string ItemId, double Value, bool Scored);
