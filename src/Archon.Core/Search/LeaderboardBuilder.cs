namespace Archon.Core.Search;

/// <summary>Builds the leaderboard (and Pareto fronts) from stored candidate results.</summary>
public static class LeaderboardBuilder
{
    /// <remarks>Failed and over-budget candidates are listed (after those within budget) but are never recommended and
    /// never on a Pareto front: a budget is a constraint, not a preference.</remarks>
    public static Leaderboard Build(string searchId, SearchSpec spec, int spaceSize, IReadOnlyList<CandidateResult> results,
        string? recommended, bool finished, IReadOnlyList<FinalEntry>? final = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var dev = results.Where(r => r.Split == "dev").ToList();
        var full = dev.Where(r => r.Fidelity >= 1).ToList();
        var order = dev.ToDictionary(r => r.CandidateId, r => r.Sequence);
        var entries = full.OrderByDescending(r => r.IsOk).ThenByDescending(r => r.Score - spec.Lambda * r.CostUsd).ThenBy(r => r.CostUsd)
            .Select((r, i) => new LeaderboardEntry(i + 1, r.CandidateId, r.PointKey, Math.Round(r.Score, 3), Math.Round(r.StdError, 3),
                r.CostUsd, Math.Round(r.LatencyMs, 1), Math.Round(r.Score - spec.Lambda * r.CostUsd, 4), r.Items, order[r.CandidateId],
                r.EstimatedCostUsd, r.Status))
            .ToList();
        var feasible = full.Where(r => r.IsOk).ToList();
        var view = new SearchHistory([.. dev.OrderBy(r => r.Sequence).Select(r => r.ToObservation())], spec.Lambda);
        return new Leaderboard(searchId, spec.Algorithm, spaceSize, Math.Round(view.EvaluationsUsed, 3), dev.Count,
            results.Sum(r => r.CallsNeeded), results.Sum(r => r.CallsMade), Feasible(recommended, dev), entries,
            [.. ParetoFront.Compute(feasible, r => r.Score, r => r.CostUsd).Select(r => r.PointKey)],
            [.. ParetoFront.Compute(feasible, r => r.Score, r => r.LatencyMs).Select(r => r.PointKey)],
            finished, final ?? [],
            dev.Count(r => r.Status == CandidateStatus.Failed), dev.Count(r => r.Status == CandidateStatus.OverBudget),
            dev.FirstOrDefault(r => r.Error is not null)?.Error)
        {
            SpentUsd = results.Sum(r => r.SpentUsd),
            SavedUsd = Math.Max(0, results.Sum(r => r.TotalCostUsd - r.SpentUsd)),
            CandidateCostUsd = Math.Round(results.Sum(r => r.CostUsd * r.Items), 6),
            JudgeCallsMade = results.Sum(r => r.JudgeCallsMade),
            JudgeCallsCached = results.Sum(r => r.JudgeCallsCached),
            JudgeCostUsd = Math.Round(results.Sum(r => r.JudgeCostUsd), 6),
            TiedWithRecommended = Feasible(recommended, dev) is { } picked && feasible.FirstOrDefault(r => r.PointKey == picked) is { } pick
                ? feasible.Count(r => r != pick && PairedDifference.TiedWith(pick, r))
                : null,
        };
    }

    /// <summary>The algorithm's recommendation when it is within budget and did not fail, else the best full-fidelity
    /// candidate that is (null when there is none).</summary>
    public static string? Feasible(string? recommended, IReadOnlyList<CandidateResult> dev)
    {
        ArgumentNullException.ThrowIfNull(dev);
        var full = dev.Where(r => r.Fidelity >= 1 && r.Split == "dev").ToList();
        if (recommended is not null && full.Any(r => r.PointKey == recommended && r.IsOk))
        {
            return recommended;
        }

        return full.Where(r => r.IsOk).OrderByDescending(r => r.Score).ThenBy(r => r.CostUsd).FirstOrDefault()?.PointKey;
    }
}
