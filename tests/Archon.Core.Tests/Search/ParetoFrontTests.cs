using Archon.Core.Search;

namespace Archon.Core.Tests.Search;

public sealed class ParetoFrontTests
{
    [Fact]
    public void Compute_MixedPoints_KeepsOnlyNonDominatedSortedByCost()
    {
        (string Name, double Score, double Cost)[] points =
        [
            ("a", 80, 0.010), ("b", 85, 0.020), ("c", 84, 0.030), ("d", 90, 0.050), ("e", 79, 0.005), ("f", 90, 0.060),
        ];
        var front = ParetoFront.Compute(points, p => p.Score, p => p.Cost).Select(p => p.Name);
        Assert.Equal(["e", "a", "b", "d"], front);
    }

    [Fact]
    public void Compute_EveryFrontPoint_IsNotDominatedByAnyPoint()
    {
        var rng = new Random(5);
        var points = Enumerable.Range(0, 300).Select(_ => (S: rng.NextDouble() * 100, C: rng.NextDouble())).ToList();
        var front = ParetoFront.Compute(points, p => p.S, p => p.C);
        Assert.All(front, f => Assert.DoesNotContain(points, p => p.S >= f.S && p.C <= f.C && (p.S > f.S || p.C < f.C)));
        Assert.All(points.Except(front), p => Assert.Contains(front, f => f.S >= p.S && f.C <= p.C));
    }
}
