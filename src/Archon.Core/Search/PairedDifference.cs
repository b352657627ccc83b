namespace Archon.Core.Search;

/// <summary>
/// Paired comparison of two candidates on the same items: the mean per-item difference and its standard error. Two
/// candidates scored on the same 20 dev items share those items' difficulty, so the paired interval is far tighter
/// than two independent ± intervals, and it is the honest test of "is the pick really better".
/// </summary>
public static class PairedDifference
{
    /// <summary>Mean difference (a − b, 0–100 points) and its standard error over the items both scored.</summary>
    public static (double Mean, double StdError, int Items) Compute(CandidateResult a, CandidateResult b)
    {
        var other = b.ItemScores.Where(s => s.Scored).ToDictionary(s => s.ItemId, s => s.Value, StringComparer.Ordinal);
        var diffs = a.ItemScores.Where(s => s.Scored && other.ContainsKey(s.ItemId))
            .Select(s => 100 * (Math.Min(1, s.Value) - Math.Min(1, other[s.ItemId]))).ToList();
        if (diffs.Count == 0)
        {
            return (0, double.PositiveInfinity, 0);
        }

        var mean = diffs.Average();
        var se = diffs.Count > 1 ? Math.Sqrt(diffs.Sum(d => (d - mean) * (d - mean)) / (diffs.Count - 1) / diffs.Count) : double.PositiveInfinity;
        return (mean, se, diffs.Count);
    }

    /// <summary>True when the 95% interval of the paired difference contains 0 (identical answers tie too).</summary>
    public static bool TiedWith(CandidateResult pick, CandidateResult other)
    {
        var (mean, se, _) = Compute(pick, other);
        return Math.Abs(mean) <= 1.96 * se || (se == 0 && mean == 0);
    }
}
