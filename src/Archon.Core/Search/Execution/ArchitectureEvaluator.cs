using Archon.Core.Architecture;
using Archon.Core.Evaluation;

namespace Archon.Core.Search.Execution;

/// <summary>Runs an architecture over items with bounded parallelism (through <see cref="CandidateItemRunner"/>, so reuse
/// applies) and scores the answers. Used by preprocessing and by in-process searches.</summary>
public sealed class ArchitectureEvaluator(CandidateItemRunner runner, ISearchEnvironment environment)
{
    public async Task<ArchitectureScore> EvaluateAsync(ArchitectureConfig architecture, IReadOnlyList<BenchmarkItem> items, int parallelism, CancellationToken cancellationToken)
    {
        var runs = new ItemRun[items.Count];
        var scores = new CandidateItemScore[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                runs[i] = await runner.RunAsync(architecture, items[i], ct).ConfigureAwait(false);
                var s = await environment.Scorer(items[i]).ScoreAsync(items[i], runs[i].Answer, ct).ConfigureAwait(false);
                scores[i] = new CandidateItemScore(items[i].Id, s.Value, s.Scored);
            }).ConfigureAwait(false);
        return Summarize(runs, scores);
    }

    public static ArchitectureScore Summarize(IReadOnlyList<ItemRun> runs, IReadOnlyList<CandidateItemScore> scores)
    {
        var values = scores.Where(s => s.Scored).Select(s => 100 * Math.Min(1, s.Value)).ToList();
        var mean = values.Count > 0 ? values.Average() : 0;
        var se = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) / values.Count) : 0;
        var calls = runs.Sum(r => (long)r.Totals.Calls);
        return new ArchitectureScore(mean, se,
            runs.Count > 0 ? runs.Average(r => (double)r.Totals.CostUsd) : 0,
            runs.Count > 0 ? runs.Average(r => r.LatencyMs) : 0,
            calls > 0 ? runs.Sum(r => r.Totals.OutputTokens) / (double)calls : 0,
            runs.Sum(r => (long)r.CallsNeeded), runs.Sum(r => (long)r.CallsMade), scores,
            runs.Count(r => r.CallsFailed), runs.Count(r => r.OverBudget), runs.FirstOrDefault(r => r.Error is not null)?.Error)
        {
            TotalCostUsd = runs.Sum(r => (double)r.Totals.CostUsd),
            SpentUsd = runs.Sum(r => (double)r.SpentUsd),
        };
    }
}
