namespace Archon.Core.Search.Algorithms;

/// <summary>
/// A space-filling initial design: greedy max-min distance over the GP features (from a seeded random pool), so the
/// first points cover the depth, width, critic/ranker and evaluation axes instead of clustering by chance. A seeded
/// random design of 12 points in a 19,000-point space often leaves whole axes unseen, and the GP then extrapolates
/// from nothing there. The rest of the order is the seeded permutation, so callers can take as many as they need.
/// </summary>
internal static class SpaceFillingDesign
{
    private const int Pool = 3000;

    public static int[] Order(SearchSpace space, int designSize, int seed)
    {
        var permutation = RandomSearch.Permutation(space.Count, seed);
        if (space.Count == 0 || designSize <= 1)
        {
            return permutation;
        }

        var pool = permutation.Take(Math.Min(Pool, space.Count)).ToArray();
        var chosen = new List<int> { pool[0] };
        var nearest = pool.Select(i => Distance(space.Features[i], space.Features[pool[0]], space.OrdinalFeatures)).ToArray();
        while (chosen.Count < Math.Min(designSize, pool.Length))
        {
            var best = 0;
            for (var i = 1; i < pool.Length; i++)
            {
                if (nearest[i] > nearest[best]) best = i;
            }

            chosen.Add(pool[best]);
            for (var i = 0; i < pool.Length; i++)
            {
                nearest[i] = Math.Min(nearest[i], Distance(space.Features[pool[i]], space.Features[pool[best]], space.OrdinalFeatures));
            }
        }

        var set = chosen.ToHashSet();
        return [.. chosen, .. permutation.Where(i => !set.Contains(i))];
    }

    /// <summary>Euclidean over the ordinal features plus 1 per categorical mismatch.</summary>
    private static double Distance(double[] a, double[] b, int ordinal)
    {
        double d = 0;
        for (var i = 0; i < a.Length; i++)
        {
            d += i < ordinal ? (a[i] - b[i]) * (a[i] - b[i]) : a[i] == b[i] ? 0 : 1;
        }

        return d;
    }
}
