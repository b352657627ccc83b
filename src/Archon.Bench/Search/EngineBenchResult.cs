using System.Text.Json.Serialization;

namespace Archon.Bench.Search;

/// <summary>
/// <c>archon bench search --landscape engine --json</c>, the shape issue #10 states: the landscape (space size, items,
/// the true best score, model calls to compute every point on every item without and with reuse, build seconds) and
/// each algorithm's success rate (found architecture's true score within 0.5 points of the true best) and median
/// full-evaluation equivalents over the seeds. Everything in it is SIMULATED.
/// </summary>
public sealed record EngineBenchResult(
    [property: JsonPropertyName("landscape")] string Landscape,
    [property: JsonPropertyName("space_size")] int SpaceSize,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("seeds")] int Seeds,
    [property: JsonPropertyName("simulated")] bool Simulated,
    [property: JsonPropertyName("true_best")] double TrueBest,
    [property: JsonPropertyName("algorithms")] IReadOnlyList<EngineAlgorithmResult> Algorithms,
    [property: JsonPropertyName("model_calls_without_reuse")] long ModelCallsWithoutReuse,
    [property: JsonPropertyName("model_calls_with_reuse")] long ModelCallsWithReuse,
    [property: JsonPropertyName("landscape_seconds")] double LandscapeSeconds);

/// <summary>One algorithm on the engine landscape.</summary>
public sealed record EngineAlgorithmResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("success_rate")] double SuccessRate,
    [property: JsonPropertyName("median_evaluations")] double MedianEvaluations);
