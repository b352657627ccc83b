using Archon.Core.Search;
using Archon.Core.Storage;
using System.Text.Json.Serialization;

namespace Archon.Bench.Search;

/// <summary>Result of <c>archon bench search</c>; serialises to the JSON shape the issue specifies.</summary>
public sealed record SearchBenchResult(
    [property: JsonPropertyName("space_size")] int SpaceSize,
    [property: JsonPropertyName("seeds")] int Seeds,
    [property: JsonPropertyName("algorithms")] IReadOnlyList<AlgorithmBenchResult> Algorithms,
    [property: JsonPropertyName("model_calls_without_reuse")] long ModelCallsWithoutReuse,
    [property: JsonPropertyName("model_calls_with_reuse")] long ModelCallsWithReuse,
    [property: JsonPropertyName("true_best")] string TrueBest,
    [property: JsonPropertyName("true_best_score")] double TrueBestScore,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("simulated")] bool Simulated = true);

/// <summary>One algorithm's figures over all seeds.</summary>
public sealed record AlgorithmBenchResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("success_rate")] double SuccessRate,
    [property: JsonPropertyName("median_evaluations")] double MedianEvaluations,
    [property: JsonPropertyName("median_gap")] double MedianGap,
    [property: JsonPropertyName("model_calls_without_reuse")] long ModelCallsWithoutReuse,
    [property: JsonPropertyName("model_calls_with_reuse")] long ModelCallsWithReuse,
    [property: JsonPropertyName("seconds")] double Seconds);
