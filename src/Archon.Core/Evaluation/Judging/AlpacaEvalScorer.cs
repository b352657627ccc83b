using Archon.Core.Evaluation.Scoring;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation.Judging;

/// <summary>
/// AlpacaEval 2.0 pairwise preference against the reference output, with the weighted_alpaca_eval_gpt4_turbo prompt
/// read from the dataset folder. The order of the two outputs is randomised per item (seeded), the judge answers with
/// the identifier m or M. As in weighted_alpaca_eval_gpt4_turbo, OpenAI-protocol judges are asked for the top-5
/// logprobs of that one token and the preference is P(model's id) / (P(m) + P(M)); judges without logprobs fall back
/// to parsing the single token, so each preference is 0 or 1.
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
        var response = await JudgeCall.AskForResponseAsync(judge, prompt.SystemPrompt, prompt.Fill(fields), 1,
            _ => new OpenAI.Chat.ChatCompletionOptions { IncludeLogProbabilities = true, TopLogProbabilityCount = 5 }, cancellationToken);
        var modelId = modelFirst ? "m" : "M";
        var position = modelFirst ? "model was m" : "model was M";
        if (TopLogprobs(response) is { } top && VerdictParsers.AlpacaPreferenceFromLogprobs(top, modelId) is { } preference)
        {
            return new ItemScore(item.Id, preference, true, "logprobs", position + " (logprob-weighted)");
        }

        var reply = response.Text ?? "";
        var id = VerdictParsers.ParseAlpacaIdentifier(reply);
        if (id is null)
        {
            return ItemScore.Unscored(item.Id, $"judge reply '{reply.Trim()}' is neither m nor M");
        }

        return new ItemScore(item.Id, id == modelId ? 1 : 0, true, id, position);
    }

    /// <summary>Top logprobs of the first generated token, when the provider returned them (OpenAI protocol).</summary>
    private static Dictionary<string, double>? TopLogprobs(ChatResponse response)
    {
        if (response.RawRepresentation is not OpenAI.Chat.ChatCompletion completion || completion.ContentTokenLogProbabilities.Count == 0)
        {
            return null;
        }

        var top = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in completion.ContentTokenLogProbabilities[0].TopLogProbabilities)
        {
            // Exact tokens, as the upstream logprob parser matches them ("m", "M").
            top.TryAdd(t.Token, t.LogProbability);
        }

        return top.Count == 0 ? null : top;
    }
}
