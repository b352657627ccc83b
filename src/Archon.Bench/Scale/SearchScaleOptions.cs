namespace Archon.Bench.Scale;

/// <summary>
/// What `archon bench search-scale` runs: a random search that evaluates <see cref="Candidates"/> architectures on
/// <see cref="Items"/> dev items each, <see cref="BatchSize"/> candidates per round, <see cref="ItemParallelism"/> items in
/// flight per candidate, then the top <see cref="TopN"/> on <see cref="TestItems"/> held-out items (SIMULATED fleet).
/// </summary>
public sealed record SearchScaleOptions
{
    public int Candidates { get; init; } = 100;

    public int Items { get; init; } = 100;

    public int BatchSize { get; init; } = 20;

    public int ItemParallelism { get; init; } = 16;

    public int TestItems { get; init; } = 20;

    public int TopN { get; init; } = 1;

    public int Seed { get; init; } = 1;

    /// <summary>First broken rule as "--option: rule", or null.</summary>
    public string? Validate() =>
        Candidates is < 1 or > 1000 ? "--candidates: must be 1-1000"
        : Items is < 1 or > 10_000 ? "--items: must be 1-10000"
        : BatchSize is < 1 or > 1000 ? "--batch-size: must be 1-1000"
        : ItemParallelism is < 1 or > 256 ? "--item-parallelism: must be 1-256"
        : null;
}
