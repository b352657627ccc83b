using System.Text.Json.Serialization;

namespace Archon.Bench.Serving;

/// <summary>
/// Figures of `archon bench serve`: p50 of sequential requests to the model directly and through `archon serve`, the
/// overhead at p50 and p99 (served minus direct percentile), and requests per second at the bench's concurrency (32).
/// </summary>
public sealed record ServeBenchResult(
    [property: JsonPropertyName("direct_p50_ms")] double DirectP50Ms,
    [property: JsonPropertyName("served_p50_ms")] double ServedP50Ms,
    [property: JsonPropertyName("overhead_p50_ms")] double OverheadP50Ms,
    [property: JsonPropertyName("overhead_p99_ms")] double OverheadP99Ms,
    [property: JsonPropertyName("served_rps_32")] double ServedRps32,
    [property: JsonPropertyName("direct_rps_32")] double DirectRps32);
