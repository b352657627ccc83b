using System.Text.Json.Serialization;
using Archon.Core.Architecture;

namespace Archon.Core.Search;

/// <summary>
/// What <c>archon space</c> prints: the axes, the product, what the constraints and the budget removed, the size, and
/// optionally whether an architecture is a point of the space (with the first axis it violates when not).
/// </summary>
public sealed record SpaceDescription
{
    [JsonPropertyName("space_size")] public int SpaceSize { get; init; }
    [JsonPropertyName("axes")] public required SortedDictionary<string, object> Axes { get; init; }
    [JsonPropertyName("product")] public long Product { get; init; }
    [JsonPropertyName("removed_by_constraints")] public required IReadOnlyDictionary<string, long> RemovedByConstraints { get; init; }
    [JsonPropertyName("removed_by_budget")] public int RemovedByBudget { get; init; }
    [JsonPropertyName("contains")] public bool? Contains { get; init; }
    [JsonPropertyName("violation")] public string? Violation { get; init; }
    [JsonPropertyName("point")] public string? Point { get; init; }

    /// <summary>
    /// Builds the space of <paramref name="spec"/> over <paramref name="models"/>. Before preprocessing there is no
    /// ranking, so models stand in their listed order (budgets on calls are exact; token and dollar estimates use the
    /// catalog prices and default token averages).
    /// </summary>
    public static (SpaceDescription Description, SearchSpace Space) Describe(SearchSpec spec, IReadOnlyList<ModelProfile> models)
    {
        var bounds = SearchSpecLoader.Bounds(spec) with { ModelCount = models.Count };
        var space = new SearchSpace(bounds, new ArchitectureEncoder(new ModelRanking(models, models)), spec.Budget.ToBudget());
        var axes = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["generators"] = bounds.Generators,
            ["samples"] = bounds.Samples,
            ["fusion_layers"] = bounds.FusionLayers,
            ["fusion_widths"] = bounds.FusionWidths,
            ["pre_fuser"] = bounds.PreFuser.Select(SearchPoint.PreFuserName).ToList(),
            ["pre_fusion_mode"] = spec.Space.PreFusionMode,
            ["evaluation"] = bounds.Evaluation.Select(SearchPoint.EvaluationName).ToList(),
            ["ranker_top_k"] = bounds.RankerTopK,
        };
        if (bounds.MaxInitialCandidates is { } cap)
        {
            axes["max_initial_candidates"] = cap;
        }

        var description = new SpaceDescription
        {
            SpaceSize = space.Count,
            Axes = axes,
            Product = space.Product,
            RemovedByConstraints = space.RemovedByConstraint,
            RemovedByBudget = space.RemovedByBudget,
        };
        return (description, space);
    }

    /// <summary>The reason no point is left, naming the spec field, or null when the space is not empty.</summary>
    public static string? EmptyReason(SearchSpace space)
    {
        if (space.Count > 0) return null;
        if (space.UnconstrainedSize > 0) return $"budget: every one of the {space.UnconstrainedSize} architectures exceeds the per-query budget";
        var worst = space.RemovedByConstraint.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).Select(kv => kv.Key).FirstOrDefault() ?? "space";
        return $"space.{worst}: no combination of the axes is left after the constraints (removed: "
            + string.Join(", ", space.RemovedByConstraint.Where(kv => kv.Value > 0).Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value}"))) + ")";
    }

    /// <summary>Checks an architecture against the space: null when it is a point, else "field: rule" (or "layers[i]: rule").</summary>
    public static (string? Violation, SearchPoint? Point) Check(SearchSpace space, ArchitectureConfig architecture, IReadOnlyList<ModelProfile> models)
    {
        var decoded = ArchitectureDecoder.Decode(architecture);
        if (decoded.Point is null)
        {
            return (decoded.Error, null);
        }

        var known = models.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        if (decoded.GeneratorModels.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
        {
            return ($"generators: model '{unknown}' is not one of the spec's models (generators are the top-K of the ranking over them)", decoded.Point);
        }

        var point = space.Resolve(decoded.Point) ?? decoded.Point;
        return (space.FirstViolation(point), point);
    }
}
