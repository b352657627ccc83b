namespace Archon.Core.Search.Algorithms;

/// <summary>
/// BO with successive halving (bo-mf). Each bracket starts η^(R−1) architectures chosen by EI (random until the GP has
/// enough points) on the smallest item subset, keeps the best 1/η of each rung and scores them on η times more items,
/// until the survivor is scored on all items. Item subsets are nested, so a promotion only pays for the new items.
/// The GP sees every point at its highest fidelity with noise variance ∝ 1/fidelity, so cheap rungs still inform it.
/// </summary>
public sealed class MultiFidelitySearch(SearchSpace space, SearchAlgorithmOptions options) : ISearchAlgorithm
{
    private readonly Surrogate _surrogate = new(space, options);
    private readonly int[] _order = SpaceFillingDesign.Order(space, options.InitialPoints, options.Seed);

    public string Name => "bo-mf";

    /// <summary>Fidelity of rung r (0 = smallest subset).</summary>
    public double Fidelity(int rung) => Math.Pow(options.Eta, rung - (options.Rungs - 1));

    public IReadOnlyList<Proposal> Propose(IReadOnlyList<Observation> history)
    {
        var view = new SearchHistory(history, options.Lambda);
        var remaining = options.MaxEvaluations - view.EvaluationsUsed;
        foreach (var bracket in history.Where(o => o.Bracket > 0).GroupBy(o => o.Bracket).OrderBy(g => g.Key))
        {
            for (var rung = 0; rung < options.Rungs - 1; rung++)
            {
                var atRung = bracket.Where(o => Math.Abs(o.Fidelity - Fidelity(rung)) < 1e-9).ToList();
                var atNext = bracket.Where(o => Math.Abs(o.Fidelity - Fidelity(rung + 1)) < 1e-9).ToList();
                var keep = Math.Max(1, atRung.Count / options.Eta);
                if (atRung.Count > 0 && atNext.Count < keep)
                {
                    var promoted = atRung.Where(o => atNext.All(n => n.Point != o.Point))
                        .OrderByDescending(view.Objective).Take(keep - atNext.Count)
                        .Select(o => new Proposal(o.Point, Fidelity(rung + 1), bracket.Key)).ToList();
                    var extra = promoted.Count * (Fidelity(rung + 1) - Fidelity(rung));
                    return extra <= remaining + 1e-9 ? promoted : [];
                }
            }
        }

        // A bracket starts at least a batch of architectures, so one GP fit serves a whole round.
        var size = Math.Max((int)Math.Pow(options.Eta, options.Rungs - 1), options.BatchSize);
        var bracketCost = BracketCost(size);
        if (bracketCost > remaining + 1e-9)
        {
            return [];
        }

        var nextBracket = history.Select(o => o.Bracket).DefaultIfEmpty(0).Max() + 1;
        var f0 = Fidelity(0);
        if (view.Latest.Count < options.InitialPoints)
        {
            return [.. _order.Select(i => space.Points[i]).Where(p => !view.IsEvaluated(p)).Take(size)
                .Select(p => new Proposal(p, f0, nextBracket))];
        }

        var gp = _surrogate.Fit(view, options.Lambda);
        var incumbent = view.Latest.Values.Where(o => o.Fidelity >= 1).Select(view.Objective).DefaultIfEmpty(view.Latest.Values.Max(view.Objective)).Max();
        var (points, bestEi) = _surrogate.SelectBatch(gp, view, incumbent, size, nextBracket);
        var objectives = view.Latest.Values.Select(view.Objective).ToList();
        var spread = Math.Max(objectives.Max() - objectives.Min(), 1e-9);
        if (view.EvaluationsUsed >= options.MinEvaluations && bestEi < options.EiStopFraction * spread)
        {
            return [];
        }

        return [.. points.Select(p => new Proposal(p, f0, nextBracket))];
    }

    public SearchPoint? Recommend(IReadOnlyList<Observation> history) => _surrogate.Recommend(history);

    private double BracketCost(int size)
    {
        double cost = 0, previous = 0;
        var n = (double)size;
        for (var rung = 0; rung < options.Rungs; rung++)
        {
            cost += n * (Fidelity(rung) - previous);
            previous = Fidelity(rung);
            n = Math.Max(1, Math.Floor(n / options.Eta));
        }

        return cost;
    }
}
