namespace Archon.Core.Search;

/// <summary>
/// Turns points into coordinates (one integer per axis, −1 where an axis does not apply, e.g. the width of a layer the
/// architecture lacks) for neighbourhoods, and into GP features: ordinal axes scaled to [0, 1] (samples on a log scale,
/// so {1, 10, 100, 1000} are evenly spaced; an absent layer's width is 0, next to narrow layers; critic and ranker per
/// slot as 0/1) followed by the evaluation layer as one categorical code.
/// In all-layers mode the pre-fusion choice is one axis (one coordinate), in per-layer mode one per slot.
/// </summary>
public sealed class PointFeaturizer
{
    private readonly SearchSpaceBounds _b;
    private readonly int _depth;
    private readonly int _preSlots;

    public PointFeaturizer(SearchSpaceBounds bounds)
    {
        _b = bounds;
        _depth = SpaceEnumerator.Slots(Math.Max(1, bounds.MaxFusionLayers));
        _preSlots = bounds.PreFusionMode == PreFusionMode.AllLayers ? 1 : _depth;
        AxisCount = 3 + _depth + _preSlots + 2;
        OrdinalCount = 3 + _depth + 2 * _preSlots + 1;
    }

    public int AxisCount { get; }

    public int OrdinalCount { get; }

    /// <summary>Index of the depth axis (fusion layers) in <see cref="Coordinates"/>.</summary>
    public const int DepthAxis = 2;

    public int[] Coordinates(SearchPoint p)
    {
        var c = new int[AxisCount];
        c[0] = p.Generators;
        c[1] = p.Samples;
        c[2] = p.FusionLayers;
        for (var i = 0; i < _depth; i++) c[3 + i] = i < p.Widths.Count ? p.Widths[i] : -1;
        for (var i = 0; i < _preSlots; i++) c[3 + _depth + i] = i < p.PreFusion.Count ? (int)p.PreFusion[i] : -1;
        c[^2] = (int)p.Evaluation;
        c[^1] = p.RankerTopK;
        return c;
    }

    /// <summary>True when b is a one-axis move from a along <paramref name="axis"/>. Moving the depth keeps g, s, the
    /// evaluation layer, top-k and every width/slot both have; moving a pre-fusion slot may switch top-k on or off.</summary>
    public bool DiffersOnlyOn(int[] a, int[] b, int axis)
    {
        var preStart = 3 + _depth;
        for (var i = 0; i < a.Length; i++)
        {
            if (i == axis || a[i] == b[i]) continue;
            var absentInOne = a[i] < 0 || b[i] < 0;
            if (axis == DepthAxis && i > DepthAxis && i < a.Length - 2 && absentInOne) continue;
            if (axis >= preStart && axis < preStart + _preSlots && i == a.Length - 1 && (a[i] == 0 || b[i] == 0)) continue;
            return false;
        }

        return true;
    }

    public double[] Featurize(SearchPoint p)
    {
        static double Scale(double v, double lo, double hi) => hi <= lo ? 0 : (v - lo) / (hi - lo);
        var f = new double[OrdinalCount + 1];
        f[0] = Scale(p.Generators, _b.Generators.Min(), _b.Generators.Max());
        f[1] = Scale(Math.Log(p.Samples), Math.Log(_b.Samples.Min()), Math.Log(_b.Samples.Max()));
        f[2] = Scale(p.FusionLayers, _b.FusionLayers.Min(), _b.FusionLayers.Max());
        var maxWidth = Math.Max(1, _b.MaxWidth);
        for (var i = 0; i < _depth; i++) f[3 + i] = i < p.Widths.Count ? p.Widths[i] / (double)maxWidth : 0;
        for (var i = 0; i < _preSlots; i++)
        {
            var option = i < p.PreFusion.Count ? p.PreFusion[i] : PreFuserOption.None;
            f[3 + _depth + i] = SearchPoint.HasCritic(option) ? 1 : 0;
            f[3 + _depth + _preSlots + i] = SearchPoint.HasRanker(option) ? 1 : 0;
        }

        f[OrdinalCount - 1] = p.RankerTopK == 0 ? 0 : Scale(p.RankerTopK, 0, _b.RankerTopK.Max());
        f[OrdinalCount] = (int)p.Evaluation;
        return f;
    }
}
