using System.Text.Json.Serialization;

namespace Archon.Bench.Latency;

/// <summary>
/// When one layer's calls ran, in milliseconds from the moment the query was sent: the first call's start and the last
/// call's end (a call starts when it asks for its model's slot, so queueing under the cap is inside the span). The gap
/// between one layer's end and the next one's start is what the host adds between layers (an orchestration replay in
/// the durable host); the gap after the last layer is what it adds before the answer arrives.
/// </summary>
public sealed record LayerSpan(
    [property: JsonPropertyName("layer")] int Layer,
    [property: JsonPropertyName("calls")] int Calls,
    [property: JsonPropertyName("first_start_ms")] double FirstStartMs,
    [property: JsonPropertyName("last_end_ms")] double LastEndMs);
