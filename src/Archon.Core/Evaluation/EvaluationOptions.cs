namespace Archon.Core.Evaluation;

/// <summary>How a benchmark run is executed and reported. Defaults: 8 items in flight, seed 0, not simulated.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Items run concurrently (model calls inside an item are concurrent anyway; code scoring is bounded by cores).</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>Bootstrap seed reported with the score.</summary>
    public int Seed { get; init; }

    /// <summary>True when the models are the sim provider: the summary is labelled SIMULATED.</summary>
    public bool Simulated { get; init; }

    public string? BenchmarkName { get; init; }

    /// <summary>Called after each item (from worker threads) so callers can report progress or stream results.</summary>
    public Action<ItemResult>? OnItem { get; init; }
}
