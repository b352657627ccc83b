namespace Archon.Core.Search.Algorithms;

/// <summary>
/// The paper's greedy search: change one axis at a time. From the smallest architecture, try every value of the first
/// axis with the others fixed, move to the best, continue with the next axis; repeat passes until a whole pass
/// improves nothing or the budget runs out. Replayed from the observations on every call (stateless).
/// </summary>
public sealed class GreedySearch(SearchSpace space, SearchAlgorithmOptions options) : ISearchAlgorithm
{
    public string Name => "greedy";

    public IReadOnlyList<Proposal> Propose(IReadOnlyList<Observation> history)
    {
        var view = new SearchHistory(history, options.Lambda);
        var room = (int)Math.Floor(options.MaxEvaluations - view.EvaluationsUsed + 1e-9);
        if (room <= 0 || space.Count == 0)
        {
            return [];
        }

        var current = space.Points[0];
        if (!view.IsEvaluated(current))
        {
            return [new Proposal(current)];
        }

        // Passes are bounded: each improving pass raises the objective, and there are finitely many points.
        for (var pass = 0; pass < space.Count; pass++)
        {
            var improved = false;
            for (var axis = 0; axis < space.AxisCount; axis++)
            {
                var line = space.AxisNeighbours(current, axis).ToList();
                var pending = line.Where(p => !view.IsEvaluated(p)).ToList();
                if (pending.Count > 0)
                {
                    return [.. pending.Take(room).Select(p => new Proposal(p))];
                }

                var best = line.Append(current).MaxBy(p => view.Objective(view.Latest[p.Key]))!;
                if (view.Objective(view.Latest[best.Key]) > view.Objective(view.Latest[current.Key]))
                {
                    current = best;
                    improved = true;
                }
            }

            if (!improved)
            {
                return [];
            }
        }

        return [];
    }

    public SearchPoint? Recommend(IReadOnlyList<Observation> history) => new SearchHistory(history, options.Lambda).BestFull()?.Point;
}
