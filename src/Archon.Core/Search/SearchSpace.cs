using Archon.Core.Execution;

namespace Archon.Core.Search;

/// <summary>
/// The enumerated search space: every combination of the axes' values that satisfies the constraints (non-increasing
/// fusion widths, the initial-candidate cap, top-K within the models available) and the per-query budget. Points
/// outside are not in <see cref="Points"/> at all, so no algorithm can propose them. <see cref="Product"/> is the
/// plain product of the axes; <see cref="RemovedByConstraint"/> and <see cref="RemovedByBudget"/> account for the rest,
/// so Product = Count + removed. Enumeration order is fixed (axis by axis), so indices are stable for a given spec.
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
        var enumeration = SpaceEnumerator.Enumerate(bounds);
        Product = enumeration.Product;
        RemovedByConstraint = enumeration.Removed;
        UnconstrainedSize = enumeration.Points.Count;
        var estimates = new List<CostEstimate>();
        var points = new List<SearchPoint>();
        foreach (var point in enumeration.Points)
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
        RemovedByBudget = UnconstrainedSize - points.Count;
        _index = points.Select((p, i) => (p.Key, i)).ToDictionary(t => t.Key, t => t.i, StringComparer.Ordinal);
        Featurizer = new PointFeaturizer(bounds);
        Features = [.. points.Select(Featurizer.Featurize)];
    }

    public SearchSpaceBounds Bounds { get; }

    public ArchitectureEncoder Encoder { get; }

    public QueryBudget Budget { get; }

    public IReadOnlyList<SearchPoint> Points { get; }

    /// <summary>Cost estimate of each point, aligned with <see cref="Points"/>.</summary>
    public IReadOnlyList<CostEstimate> Estimates { get; }

    /// <summary>The product of the axes' value counts (every depth, every width and pre-fusion choice per layer).</summary>
    public long Product { get; }

    /// <summary>Combinations each constraint removed, by spec field, in the order the constraints apply.</summary>
    public IReadOnlyDictionary<string, long> RemovedByConstraint { get; }

    /// <summary>Space size after the constraints, before the per-query budget.</summary>
    public int UnconstrainedSize { get; }

    /// <summary>Points the per-query budget removed.</summary>
    public int RemovedByBudget { get; }

    public int Count => Points.Count;

    public PointFeaturizer Featurizer { get; }

    /// <summary>GP features of each point (ordinal axes in [0, 1], then the categorical evaluation code).</summary>
    public IReadOnlyList<double[]> Features { get; }

    public int OrdinalFeatures => Featurizer.OrdinalCount;

    public int IndexOf(SearchPoint point) => _index.TryGetValue(point.Key, out var i) ? i : -1;

    public bool Contains(SearchPoint point) => _index.ContainsKey(point.Key);

    /// <summary>Axes greedy search and local refinement move along: generators, samples, depth, each width, each
    /// pre-fusion slot, evaluation, ranker top-k.</summary>
    public int AxisCount => Featurizer.AxisCount;

    /// <summary>Points differing from <paramref name="point"/> on exactly one axis (the greedy neighbourhood). Changing the
    /// depth keeps the shared leading widths and slots and frees the rest.</summary>
    public IEnumerable<SearchPoint> AxisNeighbours(SearchPoint point, int axis)
    {
        var a = Featurizer.Coordinates(point);
        return Points.Where(p => p != point && Featurizer.DiffersOnlyOn(a, Featurizer.Coordinates(p), axis));
    }

    /// <summary>
    /// The space's point that builds the same architecture as a decoded one: a decoded ranker keeps min(top-k, its input),
    /// so a ranker that keeps all its input matches the smallest listed top-k at or above it. Null when none matches.
    /// </summary>
    public SearchPoint? Resolve(SearchPoint decoded)
    {
        if (Contains(decoded) || decoded.RankerTopK == 0)
        {
            return Contains(decoded) ? decoded : null;
        }

        var widest = SpaceEnumerator.MaxRankerInput(decoded.InitialCandidates, decoded.Widths, decoded.PreFusion);
        if (decoded.RankerTopK != widest)
        {
            return null;
        }

        return Bounds.RankerTopK.Where(k => k >= widest).Order()
            .Select(k => new SearchPoint(decoded.Generators, decoded.Samples, decoded.Widths, decoded.PreFusion, decoded.Evaluation, k))
            .FirstOrDefault(Contains);
    }

    /// <summary>The first axis (as "field: rule") that <paramref name="point"/> violates, or null when it is a point.</summary>
    public string? FirstViolation(SearchPoint point) =>
        SpaceEnumerator.FirstViolation(Bounds, point) ?? (Contains(point) ? null : BudgetViolation(point));

    private string BudgetViolation(SearchPoint point)
    {
        var e = Encoder.Estimate(point);
        return e.Violation(Budget) ?? "budget: outside the space";
    }
}
