using System.Text.Json.Serialization;

namespace Archon.Bench.Latency;

/// <summary>
/// Figures of one latency-bench run. Critical path = the planned waves times the fixed per-call latency
/// (<see cref="CriticalPath"/>: the best any schedule can do under the per-model cap); sequential = sum of the
/// measured call latencies (the reference's one-call-after-another schedule). Calls = model calls the run made.
/// <see cref="Layers"/>: when each layer's calls ran within the measured run (null when the run's start is unknown).
/// <see cref="WarmupRuns"/>: the unmeasured runs before it.
/// </summary>
public sealed record LatencyBenchmarkResult(
    [property: JsonPropertyName("measured_ms")] double MeasuredMs,
    [property: JsonPropertyName("critical_path_ms")] double CriticalPathMs,
    [property: JsonPropertyName("ratio")] double Ratio,
    [property: JsonPropertyName("sequential_ms")] double SequentialMs,
    [property: JsonPropertyName("speedup_vs_sequential")] double SpeedupVsSequential,
    [property: JsonPropertyName("calls")] int Calls,
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("waves")] int Waves,
    [property: JsonPropertyName("max_concurrency")] int MaxConcurrency,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("layers")] IReadOnlyList<LayerSpan>? Layers = null)
{
    /// <summary>Unmeasured runs made first, until the JIT settled (<see cref="JitWarmup"/>).</summary>
    [JsonPropertyName("warmup_runs")]
    public int WarmupRuns { get; init; }

    /// <summary>The same calls, waves and caps through the OpenAI SDK alone (<see cref="ClientFloor"/>): the machine's floor.</summary>
    [JsonPropertyName("client_floor_ms")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ClientFloorMs { get; init; }

    /// <summary><see cref="ClientFloorMs"/> over the critical path: the lowest ratio this machine allows.</summary>
    [JsonPropertyName("client_floor_ratio")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ClientFloorRatio { get; init; }

    /// <summary>This result with the client floor measured at <paramref name="floorMs"/>.</summary>
    /// <remarks>The ratio is taken from the rounded milliseconds, so it is exactly what the printed figures give.</remarks>
    public LatencyBenchmarkResult WithClientFloor(double floorMs)
    {
        var ms = Math.Round(floorMs, 1);
        return this with { ClientFloorMs = ms, ClientFloorRatio = CriticalPathMs > 0 ? Math.Round(ms / CriticalPathMs, 3) : 0 };
    }
}
