using Archon.Core.Architecture;

namespace Archon.Bench.Latency;

/// <summary>
/// What `archon bench latency` runs: an architecture (null = the fixed 8 generators → critic → ranker → fuser),
/// the loopback endpoint's fixed latency per call, the per-model cap on calls in flight (the catalog's
/// max_concurrency; default 256) and the measured runs after one warm-up (the median is reported).
/// </summary>
public sealed record LatencyBenchOptions
{
    public const int DefaultMaxConcurrency = 256;

    public ArchitectureConfig? Architecture { get; init; }

    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(200);

    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    public int Runs { get; init; } = 3;

    public ArchitectureConfig ArchitectureOrDefault => Architecture ?? LatencyBenchmark.Architecture();

    public CriticalPathPlan Plan() => CriticalPath.Compute(ArchitectureOrDefault, MaxConcurrency, Latency);
}
