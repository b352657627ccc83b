using MathNet.Numerics.Distributions;

namespace Archon.Core.Search.Gp;

/// <summary>Expected Improvement for maximisation: E[max(0, f − best − ξ)] under a Gaussian posterior.</summary>
public static class ExpectedImprovement
{
    public static double Compute(double mean, double stdDev, double best, double xi = 0)
    {
        var gain = mean - best - xi;
        if (stdDev <= 1e-12)
        {
            return Math.Max(0, gain);
        }

        var z = gain / stdDev;
        return Math.Max(0, gain * Normal.CDF(0, 1, z) + stdDev * Normal.PDF(0, 1, z));
    }
}
