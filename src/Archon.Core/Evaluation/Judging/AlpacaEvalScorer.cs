using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Evaluation.Statistics;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation.Judging;

/// <summary>
/// AlpacaEval 2.0 pairwise preference against the reference output, with the weighted_alpaca_eval_gpt4_turbo prompt
/// read from the dataset folder. The order of the two outputs is randomised per item (seeded), the judge answers with
/// the identifier m or M. As in weighted_alpaca_eval_gpt4_turbo, OpenAI-protocol judges are asked for the top-5
/// logprobs of that one token and the preference is P(model's id) / (P(m) + P(M)); judges without logprobs fall back
/// to parsing the single token, so each preference is 0 or 1.
/// The headline metric is the length-controlled win rate (<see cref="LengthControlledWinRate"/>), which needs the
/// per-instruction difficulty table (<see cref="AlpacaEvalDifficulty"/>); without it the raw win rate (mean
/// preference) is reported under that name, with a note saying which file LC needs. A reply that is neither m nor M
/// (chat fallback) is re-asked up to <see cref="MaxAttempts"/> times, then counted as a parse failure.
/// </summary>
public sealed class AlpacaEvalScorer(IChatClient judge, JudgePrompt prompt, int seed) : IAggregatingScorer, IMetricNamed
{
    public const string LcMetric = "length-controlled win rate (AlpacaEval 2.0 LC)";
    public const string RawMetric = "raw win rate (not length-controlled)";

    /// <summary>Instruction index → difficulty; null when <c>instruction_difficulty.csv</c> is not in the dataset folder.</summary>
    public IReadOnlyDictionary<int, double>? Difficulty { get; init; }

    public int MaxAttempts { get; init; } = 3;

    public string Metric => Difficulty is null ? RawMetric : LcMetric;

    public string Name => "alpaca-eval-2.0 weighted_alpaca_eval_gpt4_turbo judge";

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
        var attempts = 1;
        for (; id is null && attempts < MaxAttempts; attempts++)
        {
            reply = (await JudgeCall.AskForResponseAsync(judge, prompt.SystemPrompt, prompt.Fill(fields), 1, null, cancellationToken, attempts)).Text ?? "";
            id = VerdictParsers.ParseAlpacaIdentifier(reply);
        }

        if (id is null)
        {
            return ItemScore.ParseFailure(item.Id, $"{attempts} judge replies were neither m nor M (last: '{JudgeCall.Tail(reply)}')");
        }

        return new ItemScore(item.Id, id == modelId ? 1 : 0, true, id, position);
    }

    public ScoreSummary Aggregate(string benchmark, IReadOnlyList<BenchmarkItem> items, IReadOnlyList<ItemResult> results, int seed)
    {
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var scored = results.Where(r => r.Score.Scored && byId.ContainsKey(r.ItemId)).ToList();
        var raw = ScoreSummary.FromValues(benchmark, Name, scored.Select(r => r.Score.Value).ToList(), results.Count - scored.Count, seed);
        var rawNote = $"raw win rate {raw.Mean:0.0000} (95% CI {raw.CiLow:0.0000}–{raw.CiHigh:0.0000})";
        if (Difficulty is null)
        {
            return raw with
            {
                Metric = RawMetric,
                Notes = [$"length-controlled win rate not computed: it needs {DatasetFiles.AlpacaEvalInstructionDifficulty.RelativePath} ({DatasetFiles.AlpacaEvalInstructionDifficulty.PublicSource}) in the dataset folder"],
            };
        }

        var rows = new List<LengthControlledWinRate.Annotation>();
        foreach (var r in scored)
        {
            var index = int.Parse(r.ItemId[(r.ItemId.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            if (!Difficulty.TryGetValue(index, out var d))
            {
                throw new DatasetNotFoundException($"{DatasetFiles.AlpacaEvalInstructionDifficulty.RelativePath}: no difficulty for instruction index {index} (item {r.ItemId}).");
            }

            rows.Add(new(r.Score.Value, Length(byId[r.ItemId].Reference), Length(r.Answer), d));
        }

        var fit = LengthControlledWinRate.FitGlm(rows);
        var lc = LengthControlledWinRate.Predict(fit, rows);
        var (low, high) = Bootstrap.Interval(rows.Count, idx => LengthControlledWinRate.Compute(idx.Select(i => rows[i]).ToList()), seed, 500);
        return raw with
        {
            Metric = LcMetric,
            Mean = lc,
            CiLow = low,
            CiHigh = high,
            Resamples = 500,
            Notes = [rawNote, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"GLM weights: length {fit.Length:0.000}, difficulty {fit.Difficulty:0.000}, baseline term {fit.Baseline:0.000} (IRLS, {fit.Iterations} iterations)")],
        };
    }

    // Upstream measures lengths with pandas str.len(): Unicode code points.
    private static int Length(string? text) => text is null ? 0 : text.EnumerateRunes().Count();

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
