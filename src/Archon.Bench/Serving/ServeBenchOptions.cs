namespace Archon.Bench.Serving;

/// <summary>
/// What `archon bench serve` runs: the loopback model's fixed latency, sequential requests per side (after
/// <see cref="WarmupRequests"/> unmeasured ones), and requests per side at <see cref="Concurrency"/> in flight.
/// </summary>
public sealed record ServeBenchOptions
{
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(50);

    public int Requests { get; init; } = 200;

    public int ConcurrentRequests { get; init; } = 640;

    public int Concurrency { get; init; } = 32;

    public int WarmupRequests { get; init; } = 20;

    /// <summary>Most warm-up rounds (each: the warm-up requests and 2 × concurrency at once, per side); they stop once the JIT has settled.</summary>
    public int MaxWarmupRounds { get; init; } = 15;

    /// <summary>How the server runs the inference (default inline, as `archon serve` does).</summary>
    public Archon.LocalHost.ServeInference Inference { get; init; } = Archon.LocalHost.ServeInference.Inline;

    /// <summary>Also measure the floors: the pass-through proxy, bare and storing (<see cref="PassThroughProxy"/>).</summary>
    public bool Floors { get; init; }

    /// <summary>First broken rule as "--option: rule", or null.</summary>
    public string? Validate() =>
        Latency < TimeSpan.Zero || Latency > TimeSpan.FromSeconds(60) ? "--latency-ms: must be 0-60000"
        : Requests is < 1 or > 100_000 ? "--requests: must be 1-100000"
        : ConcurrentRequests is < 1 or > 1_000_000 ? "--concurrent-requests: must be 1-1000000"
        : Concurrency is < 1 or > 1024 ? "--concurrency: must be 1-1024"
        : MaxWarmupRounds is < 1 or > 100 ? "--max-warmup-rounds: must be 1-100"
        : null;
}
