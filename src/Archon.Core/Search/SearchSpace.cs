using Archon.Core.Execution;

namespace Archon.Core.Search;

/// <summary>
/// The enumerated search space: every point within the bounds that satisfies the initial-candidate cap and the per-query
/// budget. Points outside the budget are not in <see cref="Points"/> at all, so no algorithm can propose them.
/// Enumeration order is fixed (axis by axis), so indices are stable for a given spec.
/// </summary>
public sealed class SearchSpace
{
    private readonly Dictionary<string, int> _index;

    public SearchSpace(SearchSpaceBounds bounds, ArchitectureEncoder encoder, QueryBudget? budget = null)
    {
        if (bounds.Validate() is { } error)
        {
            throw new ArgumentException($"search space: {error}", nameof(bounds));
        }

        Bounds = bounds;
        Encoder = encoder;
        Budget = budget ?? QueryBudget.Unlimited;
        var all = EnumerateBounds(bounds).ToList();
        UnconstrainedSize = all.Count;
        var estimates = new List<CostEstimate>();
        var points = new List<SearchPoint>();
        foreach (var point in all)
        {
            var estimate = encoder.Estimate(point);
            if (estimate.Within(Budget))
            {
                points.Add(point);
                estimates.Add(estimate);
            }
        }

        Points = points;
        Estimates = estimates;
        _index = points.Select((p, i) => (p.Key, i)).ToDictionary(t => t.Key, t => t.i);
        Features = [.. points.Select(Featurize)];
    }

    public SearchSpaceBounds Bounds { get; }

    public ArchitectureEncoder Encoder { get; }

    public QueryBudget Budget { get; }

    public IReadOnlyList<SearchPoint> Points { get; }

    /// <summary>Cost estimate of each point, aligned with <see cref="Points"/>.</summary>
    public IReadOnlyList<CostEstimate> Estimates { get; }

    /// <summary>Space size before the per-query budget was applied (the initial-candidate cap is part of the bounds).</summary>
    public int UnconstrainedSize { get; }

    public int Count => Points.Count;

    /// <summary>GP features of each point: four ordinal axes scaled to [0, 1] followed by two categorical codes.</summary>
    public IReadOnlyList<double[]> Features { get; }

    public int IndexOf(SearchPoint point) => _index.TryGetValue(point.Key, out var i) ? i : -1;

    public bool Contains(SearchPoint point) => _index.ContainsKey(point.Key);

    /// <summary>Points differing from <paramref name="point"/> on exactly one axis (the greedy neighbourhood).</summary>
    public IEnumerable<SearchPoint> AxisNeighbours(SearchPoint point, int axis) => Points.Where(p => p != point && AxisEqualExcept(p, point, axis));

    public const int AxisCount = 6;

    private static bool AxisEqualExcept(SearchPoint a, SearchPoint b, int axis)
    {
        for (var i = 0; i < AxisCount; i++)
        {
            // Changing the number of fusion layers may change the width too: one fuser layer has no width, deeper ones need one.
            var free = i == axis || (axis == 2 && i == 3);
            if (!free && AxisValue(a, i) != AxisValue(b, i))
            {
                return false;
            }
        }

        return true;
    }

    public static int AxisValue(SearchPoint p, int axis) => axis switch
    {
        0 => p.Generators,
        1 => p.Samples,
        2 => p.FusionLayers,
        3 => p.FusersPerLayer,
        4 => (int)p.PreFuser,
        _ => (int)p.Evaluation,
    };

    private double[] Featurize(SearchPoint p)
    {
        static double Scale(int v, int lo, int hi) => hi == lo ? 0 : (v - lo) / (double)(hi - lo);
        return
        [
            Scale(p.Generators, Bounds.MinGenerators, Bounds.MaxGenerators),
            Scale(p.Samples, Bounds.MinSamples, Bounds.MaxSamples),
            Scale(p.FusionLayers, Bounds.MinFusionLayers, Bounds.MaxFusionLayers),
            // 0 = no intermediate layer; otherwise the width scaled over 0..max so "1 layer" sits next to narrow layers.
            Scale(p.FusersPerLayer, 0, Bounds.MaxFusers),
            (int)p.PreFuser,
            (int)p.Evaluation,
        ];
    }

    private static IEnumerable<SearchPoint> EnumerateBounds(SearchSpaceBounds b)
    {
        for (var g = b.MinGenerators; g <= b.MaxGenerators; g++)
        {
            for (var s = b.MinSamples; s <= b.MaxSamples; s++)
            {
                if (g * s > b.MaxInitialCandidates)
                {
                    continue;
                }

                for (var l = b.MinFusionLayers; l <= b.MaxFusionLayers; l++)
                {
                    var fuserRange = l == 1 ? [0] : Enumerable.Range(b.MinFusers, b.MaxFusers - b.MinFusers + 1);
                    foreach (var f in fuserRange)
                    {
                        foreach (var pre in b.PreFuser)
                        {
                            foreach (var e in b.Evaluation)
                            {
                                yield return new SearchPoint(g, s, l, f, pre, e);
                            }
                        }
                    }
                }
            }
        }
    }
}
