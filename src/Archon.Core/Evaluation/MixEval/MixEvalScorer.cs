using System.Text.Json;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Judging;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Evaluation.Statistics;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation.MixEval;

/// <summary>
/// Scores MixEval / MixEval-Hard items. Rule parser: 1/0 from <see cref="MixEvalRuleParser"/>. Model parser: the
/// judge's free-form correctness score (0.0–1.0, <c>[[score]]</c>) or its extracted option letter (<c>[[X]]</c>, 1 if it
/// is the target); a reply with no valid verdict is re-asked up to <see cref="MaxAttempts"/> times and then counted as
/// a parse failure (upstream instead assigns a random score after 10 rounds). The report: <c>overall</c> and one score
/// per source benchmark and per split, count-weighted over the free-form and multiple-choice files (see
/// <see cref="Aggregate"/>), each with a bootstrap CI.
/// </summary>
public sealed class MixEvalScorer(MixEvalParser parser, MixEvalPromptFile prompts, IChatClient? judge = null, int seed = 0) : IAggregatingScorer, IMetricNamed
{
    /// <summary>Judge attempts per item before a parse failure is recorded.</summary>
    public int MaxAttempts { get; init; } = 3;

    public string Name => parser == MixEvalParser.Rule ? "mixeval rule parser" : "mixeval model parser";

    public string Metric => parser == MixEvalParser.Rule ? "accuracy" : "accuracy (free-form items: the judge's 0–1 correctness score)";

    public async Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken)
    {
        var md = item.Metadata;
        var response = answer ?? "";
        var multipleChoice = md.GetValueOrDefault(MetadataKeys.ProblemType) == MixEvalLoader.MultipleChoice;
        if (multipleChoice)
        {
            var options = JsonSerializer.Deserialize<List<string>>(md[MetadataKeys.Options])!;
            var target = MixEvalPromptBuilder.Letter(JsonSerializer.Deserialize<int[]>(md[MetadataKeys.Targets])![0]);
            if (parser == MixEvalParser.Rule)
            {
                var (letter, found) = MixEvalRuleParser.ParseChoice(response, options, Fallback(item.Id));
                return new ItemScore(item.Id, letter == target ? 1 : 0, true, letter.ToString(),
                    found ? $"target {target}" : $"target {target}; no option found, random pick as upstream");
            }

            var fields = new Dictionary<string, string> { ["prompt"] = md[MetadataKeys.RawPrompt], ["options"] = MixEvalPromptBuilder.Options(options), ["response"] = response };
            var (chosen, reply, attempts) = await AskAsync(prompts.MultipleChoiceJudge, fields, ParseLetter, item.Id, cancellationToken);
            return chosen is { } c
                ? new ItemScore(item.Id, c == target ? 1 : 0, true, c.ToString(), $"target {target}; judge attempts {attempts}")
                : ItemScore.ParseFailure(item.Id, $"no [[option letter]] in {attempts} judge replies (last: '{JudgeCall.Tail(reply)}')");
        }

        var gold = JsonSerializer.Deserialize<List<string>>(md[MetadataKeys.Targets])!;
        if (parser == MixEvalParser.Rule)
        {
            var predictions = MixEvalRuleParser.ParseFreeForm(response);
            var correct = MixEvalRuleParser.FreeFormCorrect(gold, predictions);
            return new ItemScore(item.Id, correct ? 1 : 0, true, string.Join(" | ", predictions.Take(6)), correct ? "matches a gold answer" : "no gold answer matched");
        }

        var ff = new Dictionary<string, string>
        {
            ["prompt"] = md[MetadataKeys.RawPrompt],
            ["gold_ans"] = string.Join("; ", gold.Select((a, i) => $"<answer {i + 1}> {a}")),
            ["response"] = response,
        };
        var (score, last, n) = await AskAsync(prompts.FreeFormJudge, ff, ParseScore, item.Id, cancellationToken);
        return score is { } s
            ? new ItemScore(item.Id, s, true, s.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture), $"judge attempts {n}")
            : ItemScore.ParseFailure(item.Id, $"no [[score]] in 0..1 in {n} judge replies (last: '{JudgeCall.Tail(last)}')");
    }

    public ScoreSummary Aggregate(string benchmark, IReadOnlyList<BenchmarkItem> items, IReadOnlyList<ItemResult> results, int seed) =>
        MixEvalAggregator.Summarize(benchmark, Name, items, results, seed) with { Metric = Metric };

    /// <summary>Upstream's free-form verdict: first <c>[[x]]</c> (else <c>[x]</c>) number, valid only within 0..1.</summary>
    public static double? ParseScore(string reply) => VerdictParsers.ParseRating(reply) is { } v && v is >= 0 and <= 1 ? v : null;

    /// <summary>Upstream's option verdict: first <c>[[X]]</c> (else <c>[X]</c>) with one capital letter.</summary>
    public static char? ParseLetter(string reply)
    {
        var m = System.Text.RegularExpressions.Regex.Match(reply, @"\[\[([A-Z])\]\]");
        if (!m.Success) { m = System.Text.RegularExpressions.Regex.Match(reply, @"\[([A-Z])\]"); }
        return m.Success ? m.Groups[1].Value[0] : null;
    }

    private async Task<(T? Verdict, string Reply, int Attempts)> AskAsync<T>(Judging.JudgePrompt prompt, Dictionary<string, string> fields,
        Func<string, T?> parse, string itemId, CancellationToken ct) where T : struct
    {
        var client = judge ?? throw new InvalidOperationException("The MixEval model parser needs a judge model: pass --judge <catalog model id>, or use --parser rule.");
        // Upstream sets no temperature for the parser (provider default) and allows 999 new tokens.
        return await JudgeCall.AskUntilParsedAsync(client, prompt.SystemPrompt, prompt.Fill(fields), 999, parse, MaxAttempts, ct, temperature: null, itemId: itemId);
    }

    private int Fallback(string itemId)
    {
        var h = 2166136261u ^ (uint)seed;
        foreach (var c in itemId) { h = (h ^ c) * 16777619u; }
        return (int)(h & 0x7fffffff);
    }
}
