using MathNet.Numerics.Distributions;

namespace Archon.Core.Evaluation.Statistics;

/// <summary>
/// Two architectures scored on the same items: mean difference (B − A) with a paired bootstrap CI (items resampled
/// jointly), win/loss/tie counts and an exact two-sided sign test over the non-tied items.
/// </summary>
public sealed record PairedComparison(int N, double MeanA, double MeanB, double MeanDifference, double CiLow, double CiHigh,
    int BetterB, int BetterA, int Ties, double SignTestPValue, int Seed)
{
    public static PairedComparison Compute(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b, int seed)
    {
        var ids = a.Keys.Where(b.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var diffs = ids.Select(id => b[id] - a[id]).ToList();
        var ci = Bootstrap.MeanInterval(diffs, seed);
        var betterB = diffs.Count(d => d > 0);
        var betterA = diffs.Count(d => d < 0);
        var ties = diffs.Count - betterB - betterA;
        return new PairedComparison(ids.Count,
            ids.Count == 0 ? double.NaN : ids.Average(id => a[id]),
            ids.Count == 0 ? double.NaN : ids.Average(id => b[id]),
            diffs.Count == 0 ? double.NaN : diffs.Average(),
            ci.Low, ci.High, betterB, betterA, ties, SignTest(betterB, betterA), seed);
    }

    /// <summary>Exact two-sided binomial sign test, p = min(1, 2·P(X ≤ min(k, n−k))) with X ~ Bin(n, ½).</summary>
    public static double SignTest(int wins, int losses)
    {
        var n = wins + losses;
        if (n == 0)
        {
            return 1.0;
        }

        return Math.Min(1.0, 2 * Binomial.CDF(0.5, n, Math.Min(wins, losses)));
    }

    public string Format(string nameA, string nameB) =>
        $"{nameB} − {nameA}: {MeanDifference:+0.0000;-0.0000} (paired 95% CI {CiLow:+0.0000;-0.0000}–{CiHigh:+0.0000;-0.0000}, n={N}, " +
        $"{nameB} better on {BetterB}, {nameA} better on {BetterA}, ties {Ties}, sign test p={SignTestPValue:0.0000}, seed {Seed})";
}
