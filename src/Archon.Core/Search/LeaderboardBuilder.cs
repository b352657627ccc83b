namespace Archon.Core.Search;

/// <summary>Builds the leaderboard (and Pareto fronts) from stored candidate results.</summary>
public static class LeaderboardBuilder
{
    public static Leaderboard Build(string searchId, SearchSpec spec, int spaceSize, IReadOnlyList<CandidateResult> results,
        string? recommended, bool finished, IReadOnlyList<FinalEntry>? final = null)
    {
        var dev = results.Where(r => r.Split == "dev").ToList();
        var full = dev.Where(r => r.Fidelity >= 1).ToList();
        var order = dev.ToDictionary(r => r.CandidateId, r => r.Sequence);
        var entries = full.OrderByDescending(r => r.Score - spec.Lambda * r.CostUsd).ThenBy(r => r.CostUsd)
            .Select((r, i) => new LeaderboardEntry(i + 1, r.CandidateId, r.PointKey, Math.Round(r.Score, 3), Math.Round(r.StdError, 3),
                r.CostUsd, Math.Round(r.LatencyMs, 1), Math.Round(r.Score - spec.Lambda * r.CostUsd, 4), r.Items, order[r.CandidateId]))
            .ToList();
        var view = new SearchHistory([.. dev.OrderBy(r => r.Sequence).Select(r => r.ToObservation())], spec.Lambda);
        return new Leaderboard(searchId, spec.Algorithm, spaceSize, Math.Round(view.EvaluationsUsed, 3), dev.Count,
            results.Sum(r => r.CallsNeeded), results.Sum(r => r.CallsMade), recommended, entries,
            [.. ParetoFront.Compute(full, r => r.Score, r => r.CostUsd).Select(r => r.PointKey)],
            [.. ParetoFront.Compute(full, r => r.Score, r => r.LatencyMs).Select(r => r.PointKey)],
            finished, final ?? [])
        {
            CandidateCostUsd = Math.Round(dev.Concat(results.Where(r => r.Split != "dev")).Sum(r => r.CostUsd * r.Items), 6),
            JudgeCallsMade = results.Sum(r => r.JudgeCallsMade),
            JudgeCallsCached = results.Sum(r => r.JudgeCallsCached),
            JudgeCostUsd = Math.Round(results.Sum(r => r.JudgeCostUsd), 6),
            TiedWithRecommended = full.FirstOrDefault(r => r.PointKey == recommended) is { } pick
                ? full.Count(r => r != pick && PairedDifference.TiedWith(pick, r))
                : null,
        };
    }
}
