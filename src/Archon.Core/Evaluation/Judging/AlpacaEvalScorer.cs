using Archon.Core.Evaluation.Scoring;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation.Judging;

/// <summary>
/// AlpacaEval 2.0 pairwise preference against the reference output, with the weighted_alpaca_eval_gpt4_turbo prompt
/// read from the dataset folder. The order of the two outputs is randomised per item (seeded), the judge answers with
/// the identifier m or M; with a chat judge (no logprobs) the single token is parsed, so each preference is 0 or 1.
/// The win rate is the mean preference. The length-controlled win rate is NOT computed: its GLM needs the
/// instruction-difficulty terms fitted on the upstream leaderboard, which the offline copy does not contain.
/// </summary>
public sealed class AlpacaEvalScorer(IChatClient judge, JudgePrompt prompt, int seed) : IScorer
{
    public string Name => "alpaca-eval-2.0 win rate (not length-controlled)";

    public async Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken)
    {
        if (item.Reference is null)
        {
            return ItemScore.Unscored(item.Id, "no reference output");
        }

        var modelFirst = JudgeCall.Coin(item.Id, seed);
        var fields = new Dictionary<string, string>
        {
            ["instruction"] = item.Turns[0],
            ["output_1"] = modelFirst ? answer ?? "" : item.Reference,
            ["output_2"] = modelFirst ? item.Reference : answer ?? "",
        };
        var reply = await JudgeCall.AskAsync(judge, prompt.SystemPrompt, prompt.Fill(fields), 1, cancellationToken);
        var id = VerdictParsers.ParseAlpacaIdentifier(reply);
        if (id is null)
        {
            return ItemScore.Unscored(item.Id, $"judge reply '{reply.Trim()}' is neither m nor M");
        }

        var modelWins = (id == "m") == modelFirst;
        return new ItemScore(item.Id, modelWins ? 1 : 0, true, id, modelFirst ? "model was m" : "model was M");
    }
}
