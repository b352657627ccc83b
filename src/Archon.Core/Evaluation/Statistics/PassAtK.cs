namespace Archon.Core.Evaluation.Statistics;

/// <summary>
/// The unbiased pass@k estimator of Chen et al. (2021, Codex): with n samples of which c pass,
/// pass@k = 1 − C(n−c, k) / C(n, k), computed as a running product for numerical stability.
/// </summary>
public static class PassAtK
{
    public static double Estimate(int n, int c, int k)
    {
        if (n < 1 || k < 1 || k > n || c < 0 || c > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), $"need 1 <= k <= n and 0 <= c <= n (n={n}, c={c}, k={k})");
        }

        if (n - c < k)
        {
            return 1.0;
        }

        var product = 1.0;
        for (var i = n - c + 1; i <= n; i++)
        {
            product *= 1.0 - (double)k / i;
        }

        return 1.0 - product;
    }
}
