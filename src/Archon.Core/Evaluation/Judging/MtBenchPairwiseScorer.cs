using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Evaluation.Statistics;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation.Judging;

/// <summary>
/// MT-Bench pairwise grading against a baseline model's answers, as FastChat's <c>gen_judgment.py --mode
/// pairwise-baseline</c> and <c>show_result.py</c> do: turn 1 is judged with <c>pair-v2</c> (<c>pair-math-v1</c> for
/// math/reasoning/coding with the reference answer), turn 2 with the <c>-multi-turn</c> variant; each turn in both
/// position orders. A turn is a win (1) or loss (0) only when both orders agree, otherwise a tie (½): FastChat counts
/// a tie verdict [[C]] and an inconsistent pair the same way. The item's value is the mean over its judged turns, so
/// the benchmark mean is FastChat's "win rate adjusted" (wins + ½ ties over all judged turns).
/// Baseline answers: <c>mt_bench/reference_answer/gpt-4.jsonl</c> (30 questions; the other 50 are unscored and
/// counted as such) unless answers from a file are given (FastChat model_answer format, e.g. <c>archon eval --save-answers</c>).
/// </summary>
public sealed class MtBenchPairwiseScorer(IChatClient judge, IReadOnlyDictionary<string, JudgePrompt> prompts,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? baselineAnswers = null) : IMultiTurnScorer, IMetricNamed, IAggregatingScorer
{
    public string Metric => $"win rate vs {BaselineName} (tie or inconsistent order = ½)";

    public string BaselineName { get; init; } = "baseline";

    public int MaxAttempts { get; init; } = 3;

    public string Name => "mt-bench-pairwise";

    public Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken) =>
        ScoreTurnsAsync(item, [answer], cancellationToken);

    public async Task<ItemScore> ScoreTurnsAsync(BenchmarkItem item, IReadOnlyList<string?> answers, CancellationToken cancellationToken)
    {
        var baseline = Baseline(item);
        if (baseline is null || baseline.Count < answers.Count)
        {
            return ItemScore.Unscored(item.Id, $"no {BaselineName} answer for this question");
        }

        var withRef = MtBenchScorer.NeedsReference.Contains(item.Metadata.GetValueOrDefault(MetadataKeys.Category) ?? "") && item.Reference is not null;
        var outcomes = new List<double>();
        var labels = new List<string>();
        for (var turn = 0; turn < Math.Min(answers.Count, item.Turns.Count); turn++)
        {
            var name = (withRef ? "pair-math-v1" : "pair-v2") + (turn == 0 ? "" : "-multi-turn");
            var prompt = prompts.TryGetValue(name, out var p) ? p : throw new DatasetNotFoundException($"judge prompt '{name}' missing from mt_bench/judge_prompts.jsonl");
            var g1 = await GameAsync(prompt, item, answers, baseline, modelIsA: true, withRef, cancellationToken);
            var g2 = g1 is null ? null : await GameAsync(prompt, item, answers, baseline, modelIsA: false, withRef, cancellationToken);
            if (g1 is null || g2 is null)
            {
                return ItemScore.ParseFailure(item.Id, $"turn {turn + 1}: no [[A]]/[[B]]/[[C]] verdict in {MaxAttempts} judge replies");
            }

            outcomes.Add(g1 == g2 ? g1.Value : 0.5);
            labels.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{g1}|{g2}"));
        }

        return new ItemScore(item.Id, outcomes.Average(), true, string.Join(";", labels),
            "per turn: model-perspective scores of (model as A, model as B); win/loss only when both agree");
    }

    /// <summary>Overall win rate (wins + ½ ties over judged turns, per question), per turn and per category, as FastChat reports.</summary>
    public ScoreSummary Aggregate(string benchmark, IReadOnlyList<BenchmarkItem> items, IReadOnlyList<ItemResult> results, int seed)
    {
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var scored = results.Where(r => r.Score.Scored && r.Score.Extracted is not null && byId.ContainsKey(r.ItemId)).ToList();
        var summary = ScoreSummary.FromValues(benchmark, Name, scored.Select(r => r.Score.Value).ToList(), results.Count - scored.Count, seed) with { Metric = Metric };
        var breakdown = new List<ScoreBreakdown>();
        for (var turn = 0; turn < 2; turn++)
        {
            var values = scored.Select(r => r.Score.Extracted!.Split(';')).Where(t => t.Length > turn).Select(t => TurnValue(t[turn])).ToList();
            if (values.Count > 0) { breakdown.Add(Group($"turn {turn + 1}", values, seed)); }
        }

        foreach (var g in scored.GroupBy(r => byId[r.ItemId].Metadata.GetValueOrDefault(MetadataKeys.Category) ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            breakdown.Add(Group(g.Key, g.Select(r => r.Score.Value).ToList(), seed));
        }

        var missing = results.Count(r => r.Score.Detail?.StartsWith("no ", StringComparison.Ordinal) == true && !r.Score.Scored);
        IReadOnlyList<string> notes = missing > 0
            ? [$"{missing} questions have no {BaselineName} answer and are unscored: pass --baseline-answers FILE (FastChat model_answer JSONL, e.g. written by --save-answers on a baseline run)"]
            : [];
        return summary with { Breakdown = breakdown, Notes = notes };
    }

    private static double TurnValue(string label)
    {
        var p = label.Split('|');
        var g1 = double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture);
        var g2 = double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture);
        return g1 == g2 ? g1 : 0.5;
    }

    private static ScoreBreakdown Group(string name, List<double> values, int seed)
    {
        var (low, high) = Bootstrap.MeanInterval(values, seed);
        return new ScoreBreakdown(name, values.Average(), values.Count, low, high);
    }

    private IReadOnlyList<string>? Baseline(BenchmarkItem item)
    {
        if (baselineAnswers is not null)
        {
            return baselineAnswers.GetValueOrDefault(item.Id);
        }

        return item.Reference is null ? null
            : item.Metadata.TryGetValue(MetadataKeys.ReferenceTurn2, out var r2) ? [item.Reference, r2] : [item.Reference];
    }

    private async Task<double?> GameAsync(JudgePrompt prompt, BenchmarkItem item, IReadOnlyList<string?> answers, IReadOnlyList<string> baseline,
        bool modelIsA, bool withRef, CancellationToken ct)
    {
        var a = modelIsA ? answers : baseline.Cast<string?>().ToList();
        var b = modelIsA ? baseline.Cast<string?>().ToList() : answers;
        var fields = MtBenchScorer.Fields(item, a, withRef);
        fields["answer_a"] = a[0] ?? "";
        fields["answer_b"] = b[0] ?? "";
        fields["answer_a_1"] = a[0] ?? "";
        fields["answer_b_1"] = b[0] ?? "";
        fields["answer_a_2"] = a.Count > 1 ? a[1] ?? "" : "";
        fields["answer_b_2"] = b.Count > 1 ? b[1] ?? "" : "";
        var (winner, _, _) = await JudgeCall.AskUntilParsedAsync(judge, prompt.SystemPrompt, prompt.Fill(fields), 2048,
            reply => VerdictParsers.ParsePairwiseLabel(reply) is var w && w != PairwiseWinner.Error ? w : (PairwiseWinner?)null, MaxAttempts, ct);
        return winner switch
        {
            PairwiseWinner.A => modelIsA ? 1 : 0,
            PairwiseWinner.B => modelIsA ? 0 : 1,
            PairwiseWinner.Tie => 0.5,
            _ => null,
        };
    }
}
