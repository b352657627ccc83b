using Archon.Core.Search.Gp;

namespace Archon.Core.Search.Algorithms;

/// <summary>
/// The GP surrogate shared by the Bayesian algorithms: fits on each point's highest-fidelity observation (noise scaled
/// by 1/fidelity), and picks batches by Expected Improvement with the kriging-believer rule (a picked point is assumed
/// to score its posterior mean, which leaves the mean unchanged and shrinks the variance around it, so the rest of the
/// batch spreads out). Hyperparameters are re-selected by marginal likelihood at geometric checkpoints of the history
/// size and memoised — a pure function of the history, so proposals stay reproducible.
/// </summary>
internal sealed class Surrogate(SearchSpace space, SearchAlgorithmOptions options)
{
    private const int TopByMean = 300;
    private const int RandomPool = 700;
    private const int MaxGridObservations = 200;
    private const int MaxTrainingPoints = 300;
    private readonly Dictionary<string, GpHyperparameters> _memo = [];

    public GaussianProcess Fit(SearchHistory view, double lambda)
    {
        var obs = TrainingSet(view);
        var x = obs.Select(o => space.Features[space.IndexOf(o.Point)]).ToList();
        var y = obs.Select(o => o.Score - lambda * o.CostUsd).ToList();
        var noise = obs.Select(o => 1.0 / Math.Max(o.Fidelity, 1e-3)).ToList();
        var hyper = Hyperparameters(view, lambda);
        return GaussianProcess.FitWith(x, y, space.OrdinalFeatures, hyper, noise) ?? GaussianProcess.Fit(x, y, space.OrdinalFeatures, noise);
    }

    /// <summary>
    /// The fully evaluated point with the highest posterior mean: it discounts a lucky noisy score. With fewer than three
    /// full evaluations the GP says little, so the best observed full score wins.
    /// </summary>
    public SearchPoint? Recommend(IReadOnlyList<Observation> history)
    {
        var view = new SearchHistory(history, options.Lambda);
        var full = view.Latest.Values.Where(o => o.Fidelity >= 1).ToList();
        if (full.Count < 3)
        {
            return view.BestFull()?.Point;
        }

        var gp = Fit(view, options.Lambda);
        return full.MaxBy(o => gp.PredictMean(space.Features[space.IndexOf(o.Point)]))!.Point;
    }

    /// <summary>
    /// Each point's highest-fidelity observation. Past <see cref="MaxTrainingPoints"/> (multi-fidelity searches observe
    /// many points cheaply) it keeps every point scored beyond the first rung plus the best of the rest: the GP's cost is
    /// cubic in its size, and low-rung losers carry little information about where the optimum is.
    /// </summary>
    private List<Observation> TrainingSet(SearchHistory view)
    {
        var all = view.Latest.Values.OrderBy(o => space.IndexOf(o.Point)).ToList();
        if (all.Count <= MaxTrainingPoints)
        {
            return all;
        }

        var minFidelity = all.Min(o => o.Fidelity);
        var promoted = all.Where(o => o.Fidelity > minFidelity + 1e-9).ToList();
        var rest = all.Where(o => o.Fidelity <= minFidelity + 1e-9).OrderByDescending(view.Objective).ThenBy(o => space.IndexOf(o.Point))
            .Take(Math.Max(0, MaxTrainingPoints - promoted.Count));
        return [.. promoted.Concat(rest).OrderBy(o => space.IndexOf(o.Point))];
    }

    /// <summary>Up to <paramref name="count"/> unevaluated points by EI, plus the best EI (objective units) of the first pick.</summary>
    public (IReadOnlyList<SearchPoint> Points, double BestEi) SelectBatch(GaussianProcess gp, SearchHistory view, double incumbent, int count, int round)
    {
        var pool = CandidatePool(gp, view, round);
        if (pool.Count == 0)
        {
            return ([], 0);
        }

        var means = new double[pool.Count];
        var variances = new double[pool.Count];
        var picked = new List<SearchPoint>();
        for (var i = 0; i < pool.Count; i++)
        {
            var (m, s) = gp.Predict(space.Features[pool[i]]);
            means[i] = m;
            variances[i] = s * s;
        }

        double firstEi = 0;
        var taken = new bool[pool.Count];
        for (var k = 0; k < count; k++)
        {
            var bestIndex = -1;
            var bestEi = double.NegativeInfinity;
            for (var i = 0; i < pool.Count; i++)
            {
                if (taken[i]) continue;
                var ei = ExpectedImprovement.Compute(means[i], Math.Sqrt(Math.Max(variances[i], 0)), incumbent);
                if (ei > bestEi || (ei == bestEi && means[i] > means[bestIndex]))
                {
                    bestEi = ei;
                    bestIndex = i;
                }
            }

            if (bestIndex < 0) break;
            if (k == 0) firstEi = bestEi;
            taken[bestIndex] = true;
            picked.Add(space.Points[pool[bestIndex]]);
            if (k + 1 < count)
            {
                Believe(gp, pool, variances, bestIndex);
            }
        }

        return (picked, firstEi);
    }

    /// <summary>Kriging believer: shrink variances as if the picked point had been observed at its mean.</summary>
    private void Believe(GaussianProcess gp, List<int> pool, double[] variances, int picked)
    {
        var xp = space.Features[pool[picked]];
        var vp = variances[picked];
        if (vp <= 1e-12) return;
        // Posterior covariance between a pool point and the picked point, approximated by the prior correlation scaled to
        // the two posterior deviations: cheap and exact when the posterior correlation equals the prior one.
        for (var i = 0; i < pool.Count; i++)
        {
            var c = gp.Kernel.Evaluate(space.Features[pool[i]], xp) * Math.Sqrt(Math.Max(variances[i], 0) * vp);
            variances[i] = Math.Max(variances[i] - c * c / vp, 0);
        }
    }

    /// <summary>Unevaluated points worth an exact EI: the best by posterior mean, a seeded random sample (exploration),
    /// and the one-axis neighbours of the best observed points (local refinement). All of them when the space is small.</summary>
    private List<int> CandidatePool(GaussianProcess gp, SearchHistory view, int round)
    {
        var open = Enumerable.Range(0, space.Count).Where(i => !view.IsEvaluated(space.Points[i])).ToList();
        if (open.Count <= TopByMean + RandomPool)
        {
            return open;
        }

        var set = new HashSet<int>(open.Select(i => (i, m: gp.PredictMean(space.Features[i])))
            .OrderByDescending(t => t.m).Take(TopByMean).Select(t => t.i));
        // Seeded arithmetically (HashCode.Combine is randomised per process), so proposals repeat across processes.
        var rng = new Random(unchecked(options.Seed * 1_000_003 + round * 7919));
        foreach (var i in open.OrderBy(_ => rng.Next()).Take(RandomPool))
        {
            set.Add(i);
        }

        foreach (var top in view.Latest.Values.OrderByDescending(view.Objective).Take(3))
        {
            for (var axis = 0; axis < space.AxisCount; axis++)
            {
                foreach (var p in space.AxisNeighbours(top.Point, axis).Where(p => !view.IsEvaluated(p)))
                {
                    set.Add(space.IndexOf(p));
                }
            }
        }

        return [.. set.Order()];
    }

    private GpHyperparameters Hyperparameters(SearchHistory view, double lambda)
    {
        // Re-select at geometric checkpoints (4, 6, 8, 12, ... observations) and stop after MaxGridObservations: the
        // grid costs 60 Cholesky factorisations, and by then the length scales have settled.
        var n = Math.Min(view.Observations.Count, MaxGridObservations);
        var checkpoint = Math.Min(4, n);
        while (checkpoint * 1.4 <= n) checkpoint = (int)Math.Ceiling(checkpoint * 1.4);
        // Fit the grid on the first `checkpoint` observations only: the result is a pure function of that prefix, so a
        // resumed search (or a replay) gets the same hyperparameters whenever it asks.
        var prefix = new SearchHistory([.. view.Observations.Take(checkpoint)], lambda);
        var key = string.Join("|", prefix.Observations.Select(o => o.Point.Key + "@" + o.Fidelity.ToString("R")));
        if (!_memo.TryGetValue(key, out var hyper))
        {
            var obs = prefix.Latest.Values.OrderBy(o => space.IndexOf(o.Point)).ToList();
            hyper = GaussianProcess.Fit(
                [.. obs.Select(o => space.Features[space.IndexOf(o.Point)])],
                [.. obs.Select(prefix.Objective)],
                space.OrdinalFeatures,
                [.. obs.Select(o => 1.0 / Math.Max(o.Fidelity, 1e-3))]).Hyperparameters;
            _memo[key] = hyper;
        }

        return hyper;
    }
}
