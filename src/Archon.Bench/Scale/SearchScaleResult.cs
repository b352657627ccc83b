using System.Text.Json.Serialization;

namespace Archon.Bench.Scale;

/// <summary>
/// Figures of one search-scale run: wall time from start to the finished search (host start-up excluded), dev
/// candidate-items evaluated per second, model calls made (SIMULATED), peak managed heap and peak resident set of the
/// process. <c>simulated</c> is always true: the fleet is the simulator.
/// </summary>
public sealed record SearchScaleResult(
    [property: JsonPropertyName("candidates")] int Candidates,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("candidate_items_per_second")] double CandidateItemsPerSecond,
    [property: JsonPropertyName("model_calls")] long ModelCalls,
    [property: JsonPropertyName("peak_managed_mb")] double PeakManagedMb,
    [property: JsonPropertyName("peak_rss_mb")] double PeakRssMb,
    [property: JsonPropertyName("simulated")] bool Simulated);
