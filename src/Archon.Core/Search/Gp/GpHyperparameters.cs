namespace Archon.Core.Search.Gp;

/// <summary>Kernel shape plus the noise-to-signal ratio (nugget); the signal variance is profiled out in closed form.</summary>
public sealed record GpHyperparameters(double LengthScale, double CategoricalWeight, double Nugget)
{
    /// <summary>The small grid searched by marginal likelihood: 5 length scales × 3 categorical weights × 4 nuggets.</summary>
    public static IReadOnlyList<GpHyperparameters> DefaultGrid { get; } =
        [.. from l in new[] { 0.1, 0.2, 0.35, 0.6, 1.2 }
            from c in new[] { 0.3, 1.5, 5.0 }
            from n in new[] { 1e-6, 1e-3, 1e-2, 1e-1 }
            select new GpHyperparameters(l, c, n)];
}
