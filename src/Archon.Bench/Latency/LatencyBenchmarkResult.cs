using Archon.Offline.Loopback;
using Archon.Core.Providers;
using Archon.Core.Storage;
using System.Text.Json.Serialization;

namespace Archon.Bench.Latency;

/// <summary>
/// Figures of one latency-bench run. Critical path = sum over layers of the slowest call in that layer (the best any
/// schedule can do); sequential = sum of all call latencies (the reference's one-call-after-another schedule).
/// </summary>
public sealed record LatencyBenchmarkResult(
    [property: JsonPropertyName("measured_ms")] double MeasuredMs,
    [property: JsonPropertyName("critical_path_ms")] double CriticalPathMs,
    [property: JsonPropertyName("ratio")] double Ratio,
    [property: JsonPropertyName("sequential_ms")] double SequentialMs,
    [property: JsonPropertyName("speedup_vs_sequential")] double SpeedupVsSequential);
