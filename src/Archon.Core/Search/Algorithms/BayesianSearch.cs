namespace Archon.Core.Search.Algorithms;

/// <summary>
/// Bayesian optimisation: a space-filling (max-min) initial design, then a GP surrogate and Expected Improvement over the
/// objective score − λ·$/query. Stops at the budget, or once the best EI is negligible next to the observed spread.
/// With <paramref name="paretoLambdas"/> (multi-objective mode) each round scalarises with the next λ of that list
/// (ParEGO-style), so successive rounds push different parts of the score–cost front.
/// </summary>
public sealed class BayesianSearch(SearchSpace space, SearchAlgorithmOptions options, IReadOnlyList<double>? paretoLambdas = null) : ISearchAlgorithm
{
    private readonly Surrogate _surrogate = new(space, options);
    private readonly int[] _order = SpaceFillingDesign.Order(space, options.InitialPoints, options.Seed);

    public string Name => paretoLambdas is null ? "bo" : "bo-pareto";

    public IReadOnlyList<Proposal> Propose(IReadOnlyList<Observation> history)
    {
        var round = history.Count / Math.Max(1, options.BatchSize);
        var lambda = paretoLambdas is { Count: > 0 } ? paretoLambdas[round % paretoLambdas.Count] : options.Lambda;
        var view = new SearchHistory(history, lambda);
        var room = (int)Math.Floor(options.MaxEvaluations - view.EvaluationsUsed + 1e-9);
        if (room <= 0)
        {
            return [];
        }

        var batch = Math.Min(options.BatchSize, room);
        if (view.Latest.Count < options.InitialPoints)
        {
            return [.. _order.Select(i => space.Points[i]).Where(p => !view.IsEvaluated(p))
                .Take(Math.Min(batch, options.InitialPoints - view.Latest.Count)).Select(p => new Proposal(p))];
        }

        var gp = _surrogate.Fit(view, lambda);
        var incumbent = view.Latest.Values.Max(view.Objective);
        var (points, bestEi) = _surrogate.SelectBatch(gp, view, incumbent, batch, round);
        var objectives = view.Latest.Values.Select(view.Objective).ToList();
        var spread = Math.Max(objectives.Max() - objectives.Min(), 1e-9);
        if (paretoLambdas is null && view.EvaluationsUsed >= options.MinEvaluations && bestEi < options.EiStopFraction * spread)
        {
            return [];
        }

        return [.. points.Select(p => new Proposal(p))];
    }

    /// <summary>The evaluated point with the highest posterior mean: it discounts a lucky noisy score.</summary>
    public SearchPoint? Recommend(IReadOnlyList<Observation> history) => _surrogate.Recommend(history);
}
