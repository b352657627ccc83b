namespace Archon.Core.Search.Gp;

/// <summary>
/// Kernel for the search space's mixed axes: Matérn 5/2 over the ordinal axes (scaled to [0, 1], one shared length
/// scale, so "8 vs 9 generators" is close and "1 vs 10" is far) times an exponentiated overlap (Hamming) kernel over the
/// categorical axes, where every pair of distinct categories is equally far apart.
/// </summary>
public sealed record MixedKernel(int OrdinalAxes, double LengthScale, double CategoricalWeight)
{
    private static readonly double Sqrt5 = Math.Sqrt(5);

    /// <summary>Correlation in [0, 1]; 1 when the points are equal.</summary>
    public double Evaluate(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double r2 = 0;
        for (var i = 0; i < OrdinalAxes; i++)
        {
            var d = a[i] - b[i];
            r2 += d * d;
        }

        var mismatches = 0;
        for (var i = OrdinalAxes; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                mismatches++;
            }
        }

        return FromDistances(r2, mismatches, a.Length - OrdinalAxes);
    }

    /// <summary>The kernel from a squared ordinal distance and a categorical mismatch count (lets callers cache distances).</summary>
    public double FromDistances(double ordinalSquared, int mismatches, int categoricalAxes)
    {
        var r = Math.Sqrt(ordinalSquared) / LengthScale;
        var matern = (1 + Sqrt5 * r + 5 * r * r / 3) * Math.Exp(-Sqrt5 * r);
        var overlap = categoricalAxes == 0 ? 1 : Math.Exp(-CategoricalWeight * mismatches / categoricalAxes);
        return matern * overlap;
    }
}
