using System.Text.Json.Serialization;

namespace Archon.Bench.Serving;

/// <summary>
/// Figures of `archon bench serve`: p50 of sequential requests to the model directly and through `archon serve`, the
/// overhead at p50 and p99 (served minus direct percentile), and requests per second at the bench's concurrency (32).
/// With floors requested, the proxy figures: the same requests through <see cref="PassThroughProxy"/> (the floor of any
/// serving hop), bare and storing what a served request must store; absent otherwise, so the default JSON is exactly six fields.
/// </summary>
public sealed record ServeBenchResult(
    [property: JsonPropertyName("direct_p50_ms")] double DirectP50Ms,
    [property: JsonPropertyName("served_p50_ms")] double ServedP50Ms,
    [property: JsonPropertyName("overhead_p50_ms")] double OverheadP50Ms,
    [property: JsonPropertyName("overhead_p99_ms")] double OverheadP99Ms,
    [property: JsonPropertyName("served_rps_32")] double ServedRps32,
    [property: JsonPropertyName("direct_rps_32")] double DirectRps32)
{
    /// <summary>p50 of sequential requests through the pass-through proxy.</summary>
    [JsonPropertyName("proxy_p50_ms")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ProxyP50Ms { get; init; }

    /// <summary>Requests per second through the pass-through proxy at the bench's concurrency.</summary>
    [JsonPropertyName("proxy_rps_32")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ProxyRps32 { get; init; }

    /// <summary>p50 through the proxy that also stores a call entry and a trace per request, as a served request must.</summary>
    [JsonPropertyName("storing_proxy_p50_ms")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? StoringProxyP50Ms { get; init; }

    /// <summary>Requests per second through the storing proxy at the bench's concurrency.</summary>
    [JsonPropertyName("storing_proxy_rps_32")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? StoringProxyRps32 { get; init; }
}
