using Archon.Core.Architecture;

namespace Archon.Bench.Latency;

/// <summary>
/// What `archon bench latency` runs: an architecture (null = the fixed 8 generators → critic → ranker → fuser),
/// the loopback endpoint's fixed latency per call, the per-model cap on calls in flight (the catalog's
/// max_concurrency; default 256) and the measured runs (the median is reported) after the warm-up runs: until the JIT has
/// settled (<see cref="JitWarmup"/>), at most <see cref="MaxWarmupRuns"/>.
/// </summary>
public sealed record LatencyBenchOptions
{
    public const int DefaultMaxConcurrency = 256;

    public ArchitectureConfig? Architecture { get; init; }

    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(200);

    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    public int Runs { get; init; } = 3;

    /// <summary>Most warm-up runs (default 30; 1 = the single warm-up run of earlier versions).</summary>
    public int MaxWarmupRuns { get; init; } = DefaultMaxWarmupRuns;

    public const int DefaultMaxWarmupRuns = 30;

    /// <summary>Also measure the client floor (<see cref="ClientFloor"/>): the same calls through the OpenAI SDK alone.</summary>
    public bool ClientFloor { get; init; }

    public ArchitectureConfig ArchitectureOrDefault => Architecture ?? LatencyBenchmark.Architecture();

    public CriticalPathPlan Plan() => CriticalPath.Compute(ArchitectureOrDefault, MaxConcurrency, Latency);
}
