using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Judging;
using Archon.Core.Evaluation.Scoring;
using Microsoft.Extensions.AI;

namespace Archon.Core.Search.Judging;

/// <summary>
/// MT-Bench as the paper's search objective: pairwise win rate against a baseline model's answers, judged in both
/// answer orders (<see cref="MtBenchPairwiseScorer"/>). The baseline answer of an item is asked of the baseline model on
/// first use, through its provider stack (response cache included), so every candidate meets the same answer and
/// re-scoring asks nobody again.
/// </summary>
public sealed class BaselinePairwiseScorer(IChatClient judge, IReadOnlyDictionary<string, JudgePrompt> prompts, IChatClient baseline) : IScorer
{
    public string Name => "mt-bench-pairwise";

    public async Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken)
    {
        var options = new ChatOptions { Temperature = 0, MaxOutputTokens = 2048 };
        options.AdditionalProperties = new AdditionalPropertiesDictionary { ["archon.role"] = "baseline" };
        var response = await baseline.GetResponseAsync([new ChatMessage(ChatRole.User, item.Turns[0])], options, cancellationToken).ConfigureAwait(false);
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [item.Id] = [response.Text ?? ""] };
        return await new MtBenchPairwiseScorer(judge, prompts, answers).ScoreAsync(item, answer, cancellationToken).ConfigureAwait(false);
    }
}
