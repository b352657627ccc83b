using Archon.Core.Search;
using Archon.Core.Storage;
using System.Diagnostics;

namespace Archon.Bench.Search;

/// <summary>
/// Runs every algorithm many times on a landscape (<see cref="TabularLandscape"/> or <see cref="EngineLandscape"/>) and reports success (recommended architecture
/// within <see cref="Tolerance"/> points of the true best), median full-evaluation equivalents, and model calls with and
/// without reuse. Also asserts the "never evaluate twice" rule on every proposal.
/// </summary>
public sealed class SearchBenchmark(ILandscape landscape, SearchAlgorithmOptions baseOptions)
{
    public const double Tolerance = 0.5;

    public event Action<string, int>? SeedFinished;

    public SearchBenchResult Run(IReadOnlyList<string> algorithms, int seeds)
    {
        var space = landscape.Space;
        var results = new List<AlgorithmBenchResult>();
        foreach (var name in algorithms)
        {
            var watch = Stopwatch.StartNew();
            var successes = 0;
            var evaluations = new List<double>();
            var gaps = new List<double>();
            long without = 0, with = 0;
            for (var seed = 1; seed <= seeds; seed++)
            {
                var run = RunOne(name, seed);
                successes += run.Gap <= Tolerance ? 1 : 0;
                evaluations.Add(run.Evaluations);
                gaps.Add(run.Gap);
                without += run.Counter.WithoutReuse;
                with += run.Counter.WithReuse;
                SeedFinished?.Invoke(name, seed);
            }

            results.Add(new AlgorithmBenchResult(name, (double)successes / seeds, Median(evaluations), Median(gaps), without, with, watch.Elapsed.TotalSeconds));
        }

        // Top-level call counts are those of the default algorithm of a search spec (bo-mf), else bo, else the first.
        var headline = results.FirstOrDefault(r => r.Name == "bo-mf") ?? results.FirstOrDefault(r => r.Name == "bo") ?? results[0];
        return new SearchBenchResult(space.Count, seeds, results, headline.ModelCallsWithoutReuse, headline.ModelCallsWithReuse,
            space.Points[landscape.BestIndex].Key, Math.Round(landscape.BestScore, 3), landscape.ItemCount);
    }

    /// <summary>One search: returns the gap between the true best score and the recommended point's true score.</summary>
    public (double Gap, double Evaluations, ReuseCounter Counter, IReadOnlyList<Observation> History) RunOne(string name, int seed)
    {
        var space = landscape.Space;
        var options = baseOptions with { Seed = seed };
        var algorithm = SearchAlgorithms.Create(name, space, options);
        var itemOrder = landscape.ItemOrder(seed);
        var history = new List<Observation>();
        var counter = new ReuseCounter(space.Encoder);
        var maxFidelity = new Dictionary<string, double>();
        while (true)
        {
            var proposals = algorithm.Propose(history);
            if (proposals.Count == 0)
            {
                break;
            }

            foreach (var proposal in proposals)
            {
                if (maxFidelity.TryGetValue(proposal.Point.Key, out var seen) && seen >= proposal.Fidelity - 1e-12)
                {
                    throw new InvalidOperationException($"{name} proposed {proposal.Point.Key} at fidelity {proposal.Fidelity} again");
                }

                maxFidelity[proposal.Point.Key] = proposal.Fidelity;
                var index = space.IndexOf(proposal.Point);
                var estimate = space.Estimates[index];
                var score = landscape.Observe(index, proposal.Fidelity, seed, itemOrder);
                history.Add(new Observation(proposal.Point, proposal.Fidelity, score, estimate.Dollars, estimate.LatencyMs, proposal.Bracket));
            }
        }

        foreach (var (key, fidelity) in maxFidelity)
        {
            counter.Add(SearchPoint.TryParse(key)!, TabularLandscape.ItemsFor(fidelity, landscape.ItemCount));
        }

        var recommended = algorithm.Recommend(history);
        var gap = recommended is null ? double.PositiveInfinity : landscape.BestScore - landscape.TrueScores[space.IndexOf(recommended)];
        return (gap, new SearchHistory(history, options.Lambda).EvaluationsUsed, counter, history);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
