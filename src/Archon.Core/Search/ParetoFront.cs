namespace Archon.Core.Search;

/// <summary>Non-dominated points for "maximise score, minimise cost" (cost may be $/query or latency).</summary>
public static class ParetoFront
{
    /// <summary>The front sorted by increasing cost. A point is dropped when another is at least as good on both axes
    /// and strictly better on one; exact duplicates keep their first occurrence.</summary>
    public static IReadOnlyList<T> Compute<T>(IEnumerable<T> items, Func<T, double> score, Func<T, double> cost)
    {
        var sorted = items.Select((item, index) => (item, index, s: score(item), c: cost(item)))
            .OrderBy(t => t.c).ThenByDescending(t => t.s).ThenBy(t => t.index).ToList();
        var front = new List<T>();
        var bestScore = double.NegativeInfinity;
        foreach (var t in sorted)
        {
            if (t.s > bestScore)
            {
                front.Add(t.item);
                bestScore = t.s;
            }
        }

        return front;
    }
}
