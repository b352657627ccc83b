namespace Archon.Core.Evaluation.Datasets;

/// <summary>
/// Seeded dev/test split: the paper searches on 20% (dev) and reports on the other 80% (test).
/// The same seed and item list always yield the same split, independent of the runtime's hash seed.
/// </summary>
public static class DatasetSplitter
{
    public const double DefaultDevFraction = 0.2;

    public static (IReadOnlyList<BenchmarkItem> Dev, IReadOnlyList<BenchmarkItem> Test) Split(
        IReadOnlyList<BenchmarkItem> items, int seed, double devFraction = DefaultDevFraction)
    {
        if (devFraction is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(devFraction), devFraction, "dev fraction must be within [0, 1]");
        }

        var order = Enumerable.Range(0, items.Count).ToArray();
        new Random(seed).Shuffle(order);
        var devCount = (int)Math.Round(items.Count * devFraction, MidpointRounding.AwayFromZero);
        var dev = order.Take(devCount).Order().Select(i => items[i]).ToList();
        var test = order.Skip(devCount).Order().Select(i => items[i]).ToList();
        return (dev, test);
    }

    /// <summary>Selects "dev", "test" or "all" (case-insensitive).</summary>
    public static IReadOnlyList<BenchmarkItem> Select(IReadOnlyList<BenchmarkItem> items, string? split, int seed) =>
        (split ?? "all").ToLowerInvariant() switch
        {
            "all" or "" => items,
            "dev" => Split(items, seed).Dev,
            "test" => Split(items, seed).Test,
            var other => throw new ArgumentException($"Unknown split '{other}': use dev, test or all."),
        };
}
