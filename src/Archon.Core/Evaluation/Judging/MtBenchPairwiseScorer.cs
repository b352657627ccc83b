using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation.Judging;

/// <summary>
/// MT-Bench pairwise grading against a baseline (FastChat pair-v2 / pair-math-v1, verdict [[A]]/[[B]]/[[C]]).
/// Each pair is judged in both positions; the model wins only if both games agree, loses only if both favour the
/// baseline, otherwise it is a tie (value 1 / 0 / 0.5). The default baseline is the GPT-4 reference answer shipped
/// with MT-Bench (30 questions); items without a baseline answer are unscored.
/// </summary>
public sealed class MtBenchPairwiseScorer(IChatClient judge, IReadOnlyDictionary<string, JudgePrompt> prompts,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? baselineAnswers = null) : IMultiTurnScorer
{
    public string Name => "mt-bench-pairwise";

    public Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken) =>
        ScoreTurnsAsync(item, [answer], cancellationToken);

    public async Task<ItemScore> ScoreTurnsAsync(BenchmarkItem item, IReadOnlyList<string?> answers, CancellationToken cancellationToken)
    {
        var baseline = Baseline(item);
        if (baseline is null || baseline.Count < answers.Count)
        {
            return ItemScore.Unscored(item.Id, "no baseline answer for this question");
        }

        var withRef = MtBenchScorer.NeedsReference.Contains(item.Metadata.GetValueOrDefault(MetadataKeys.Category) ?? "") && item.Reference is not null;
        var multi = answers.Count > 1;
        var name = (withRef ? "pair-math-v1" : "pair-v2") + (multi ? "-multi-turn" : "");
        var prompt = prompts.TryGetValue(name, out var p) ? p : throw new DatasetNotFoundException($"judge prompt '{name}' missing from mt_bench/judge_prompts.jsonl");
        var g1 = await GameAsync(prompt, item, answers, baseline, modelIsA: true, withRef, cancellationToken);
        var g2 = await GameAsync(prompt, item, answers, baseline, modelIsA: false, withRef, cancellationToken);
        if (g1 is null || g2 is null)
        {
            return ItemScore.Unscored(item.Id, "judge gave no [[A]]/[[B]]/[[C]] verdict");
        }

        var value = g1 == g2 ? g1.Value : 0.5;
        return new ItemScore(item.Id, value, true, $"{g1}|{g2}", "model-perspective scores of both position orders");
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
        var judgment = await JudgeCall.AskAsync(judge, prompt.SystemPrompt, prompt.Fill(fields), 2048, ct);
        return VerdictParsers.ParsePairwiseLabel(judgment) switch
        {
            PairwiseWinner.A => modelIsA ? 1 : 0,
            PairwiseWinner.B => modelIsA ? 0 : 1,
            PairwiseWinner.Tie => 0.5,
            _ => null,
        };
    }
}
