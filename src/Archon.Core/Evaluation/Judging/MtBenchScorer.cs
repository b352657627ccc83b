using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation.Judging;

/// <summary>
/// MT-Bench single-answer grading (FastChat): <c>single-v1</c> for turn 1, <c>single-v1-multi-turn</c> for turn 2;
/// math, reasoning and coding use the <c>single-math-v1*</c> prompts with the GPT-4 reference answer. The item's value
/// is the mean rating (1–10) of the turns graded; an unparseable judgment leaves the item unscored.
/// </summary>
public sealed class MtBenchScorer(IChatClient judge, IReadOnlyDictionary<string, JudgePrompt> prompts) : IMultiTurnScorer, IMetricNamed
{
    public string Metric => "mean judge rating (1–10)";

    internal static readonly HashSet<string> NeedsReference = ["math", "reasoning", "coding"];

    public string Name => "mt-bench-single";

    /// <summary>Judge attempts per turn before a parse failure is recorded.</summary>
    public int MaxAttempts { get; init; } = 3;

    public Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken) =>
        ScoreTurnsAsync(item, [answer], cancellationToken);

    public async Task<ItemScore> ScoreTurnsAsync(BenchmarkItem item, IReadOnlyList<string?> answers, CancellationToken cancellationToken)
    {
        var withRef = NeedsReference.Contains(item.Metadata.GetValueOrDefault(MetadataKeys.Category) ?? "") && item.Reference is not null;
        var ratings = new List<double>();
        for (var turn = 0; turn < Math.Min(answers.Count, item.Turns.Count); turn++)
        {
            var name = (withRef ? "single-math-v1" : "single-v1") + (turn == 0 ? "" : "-multi-turn");
            var prompt = prompts.TryGetValue(name, out var p) ? p : throw new DatasetNotFoundException($"judge prompt '{name}' missing from mt_bench/judge_prompts.jsonl");
            var (verdict, last, attempts) = await JudgeCall.AskUntilParsedAsync(judge, prompt.SystemPrompt, prompt.Fill(Fields(item, answers, withRef)), 2048,
                VerdictParsers.ParseRating, MaxAttempts, cancellationToken);
            if (verdict is not { } rating)
            {
                return ItemScore.ParseFailure(item.Id, $"turn {turn + 1}: no [[rating]] in {attempts} judge replies (last: '{JudgeCall.Tail(last)}')");
            }

            ratings.Add(rating);
        }

        return new ItemScore(item.Id, ratings.Average(), true, string.Join(",", ratings), $"ratings per turn: {string.Join(", ", ratings)}");
    }

    internal static Dictionary<string, string> Fields(BenchmarkItem item, IReadOnlyList<string?> answers, bool withRef)
    {
        var f = new Dictionary<string, string>
        {
            ["question"] = item.Turns[0],
            ["answer"] = answers[0] ?? "",
            ["question_1"] = item.Turns[0],
            ["answer_1"] = answers[0] ?? "",
            ["question_2"] = item.Turns.Count > 1 ? item.Turns[1] : "",
            ["answer_2"] = answers.Count > 1 ? answers[1] ?? "" : "",
        };
        if (withRef)
        {
            f["ref_answer_1"] = item.Reference ?? "";
            f["ref_answer_2"] = item.Metadata.GetValueOrDefault(MetadataKeys.ReferenceTurn2) ?? "";
        }

        return f;
    }
}
