using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Statistics;

namespace Archon.Core.Evaluation.MixEval;

/// <summary>
/// MixEval's report. <c>overall</c> is the mean over every scored item of both files, i.e. the free-form and
/// multiple-choice means weighted by their item counts (upstream averages the two split means with equal weight;
/// the shipped files have equal counts, so both agree there, and ours stays right for a dev/test split or a limit).
/// Each source benchmark (TriviaQA, MMLU, …) pools its items from both files (upstream lets the multiple-choice value
/// overwrite the free-form one for a name in both, such as AGIEval). Every number has a percentile-bootstrap 95% CI.
/// </summary>
public static class MixEvalAggregator
{
    public static ScoreSummary Summarize(string benchmark, string scorer, IReadOnlyList<BenchmarkItem> items, IReadOnlyList<ItemResult> results, int seed)
    {
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var scored = results.Where(r => r.Score.Scored && byId.ContainsKey(r.ItemId)).Select(r => (Item: byId[r.ItemId], r.Score.Value)).ToList();
        var overall = ScoreSummary.FromValues(benchmark, scorer, scored.Select(s => s.Value).ToList(), results.Count - scored.Count, seed);
        var breakdown = new List<ScoreBreakdown>();
        foreach (var group in scored.GroupBy(s => s.Item.Metadata.GetValueOrDefault(MetadataKeys.ProblemType) ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            breakdown.Add(Group("split " + group.Key, group.Select(g => g.Value).ToList(), seed));
        }

        foreach (var group in scored.GroupBy(s => s.Item.Metadata.GetValueOrDefault(MetadataKeys.Source) ?? "?").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            breakdown.Add(Group(group.Key, group.Select(g => g.Value).ToList(), seed));
        }

        return overall with { Breakdown = breakdown };
    }

    private static ScoreBreakdown Group(string name, List<double> values, int seed)
    {
        var (low, high) = Bootstrap.MeanInterval(values, seed);
        return new ScoreBreakdown(name, values.Average(), values.Count, low, high);
    }
}
