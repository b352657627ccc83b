namespace Archon.Core.Search;

/// <summary>The leaderboard blob (archon-search/{searchId}/leaderboard.json), rewritten after every round.</summary>
public sealed record Leaderboard(
    string SearchId,
    string Algorithm,
    int SpaceSize,
    double EvaluationsUsed,
    int Candidates,
    long CallsNeeded,
    long CallsMade,
    string? Recommended,
    IReadOnlyList<LeaderboardEntry> Entries,
    IReadOnlyList<string> ParetoCost,
    IReadOnlyList<string> ParetoLatency,
    bool Finished,
    IReadOnlyList<FinalEntry> Final,
    int FailedCandidates = 0,
    int OverBudgetCandidates = 0,
    string? FirstError = null)
{
    /// <summary>What the search's model calls cost (the calls that reached a model).</summary>
    public double SpentUsd { get; init; }

    /// <summary>What reuse saved: the candidates' cost as if each ran alone, minus <see cref="SpentUsd"/>.</summary>
    public double SavedUsd { get; init; }

    /// <summary>Id (name@version) of the prompt pack every candidate ran with: scores of different packs do not compare.</summary>
    public string? PromptPack { get; init; }
}

/// <summary>
/// One full-fidelity candidate, ordered by objective (score − λ·cost), candidates within budget first.
/// <see cref="CostUsd"/> is measured $/query, <see cref="EstimatedCostUsd"/> the planner's estimate; <see cref="Status"/>
/// a <see cref="CandidateStatus"/>.
/// </summary>
public sealed record LeaderboardEntry(
    int Rank, string CandidateId, string PointKey, double Score, double StdError, double CostUsd, double LatencyMs, double Objective, int Items, int Order,
    double EstimatedCostUsd = 0, string Status = CandidateStatus.Ok);

/// <summary>Held-out re-evaluation of a top candidate, with a 95% confidence interval.</summary>
public sealed record FinalEntry(string PointKey, double DevScore, double TestScore, double CiLow, double CiHigh, int Items, double CostUsd);
