namespace Archon.Core.Evaluation.Statistics;

/// <summary>Seeded percentile bootstrap. Same values, seed and resample count → same interval on every machine.</summary>
public static class Bootstrap
{
    public const int DefaultResamples = 2000;

    /// <summary>95% (by default) percentile interval of the mean.</summary>
    public static (double Low, double High) MeanInterval(IReadOnlyList<double> values, int seed, int resamples = DefaultResamples, double level = 0.95) =>
        Interval(values.Count, idx => { var s = 0.0; foreach (var i in idx) { s += values[i]; } return s / idx.Length; }, seed, resamples, level);

    /// <summary>Percentile interval of any statistic of a resampled index set (items are the resampling unit).</summary>
    public static (double Low, double High) Interval(int n, Func<int[], double> statistic, int seed, int resamples = DefaultResamples, double level = 0.95)
    {
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        var rng = new Random(seed);
        var stats = new double[resamples];
        var idx = new int[n];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < n; i++) { idx[i] = rng.Next(n); }
            stats[r] = statistic(idx);
        }

        Array.Sort(stats);
        var alpha = (1 - level) / 2;
        return (Quantile(stats, alpha), Quantile(stats, 1 - alpha));
    }

    /// <summary>Linear-interpolation quantile of sorted values (numpy's default).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
