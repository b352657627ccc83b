namespace Archon.Core.Search.Algorithms;

/// <summary>Uniform random search: a seeded permutation of the space, evaluated in order until the budget is spent.</summary>
public sealed class RandomSearch(SearchSpace space, SearchAlgorithmOptions options) : ISearchAlgorithm
{
    private readonly int[] _order = Permutation(space.Count, options.Seed);

    public string Name => "random";

    public IReadOnlyList<Proposal> Propose(IReadOnlyList<Observation> history)
    {
        var view = new SearchHistory(history, options.Lambda);
        var room = (int)Math.Floor(options.MaxEvaluations - view.EvaluationsUsed + 1e-9);
        return [.. _order.Select(i => space.Points[i]).Where(p => !view.IsEvaluated(p))
            .Take(Math.Min(options.BatchSize, room)).Select(p => new Proposal(p))];
    }

    public SearchPoint? Recommend(IReadOnlyList<Observation> history) => new SearchHistory(history, options.Lambda).BestFull()?.Point;

    internal static int[] Permutation(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
