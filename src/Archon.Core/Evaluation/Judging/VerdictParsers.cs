using System.Globalization;
using System.Text.RegularExpressions;

namespace Archon.Core.Evaluation.Judging;

/// <summary>
/// Verdict parsers accepting every form the upstream parsers accept: FastChat (MT-Bench) <c>[[rating]]</c> with the
/// <c>[rating]</c> fallback, <c>[[rating_a,rating_b]]</c>, <c>[[A]]/[[B]]/[[C]]</c>; Arena-Hard's configured regexes
/// (<c>\[\[([AB&lt;&gt;=]+)\]\]</c> then <c>\[([AB&lt;&gt;=]+)\]</c>) where several different labels mean "no verdict";
/// AlpacaEval's single identifier token <c>m</c>/<c>M</c>.
/// </summary>
public static partial class VerdictParsers
{
    public static double? ParseRating(string judgment)
    {
        var m = OneScore().Match(judgment);
        if (!m.Success) { m = OneScoreBackup().Match(judgment); }
        return m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static (double A, double B)? ParseTwoRatings(string judgment)
    {
        var m = TwoScore().Match(judgment);
        if (!m.Success) { m = TwoScoreBackup().Match(judgment); }
        return m.Success
            ? (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>FastChat pair-v2: the first of [[A]], [[B]], [[C]] found in that order of checking; [[C]] is a tie.</summary>
    public static PairwiseWinner ParsePairwiseLabel(string judgment) =>
        judgment.Contains("[[A]]", StringComparison.Ordinal) ? PairwiseWinner.A
        : judgment.Contains("[[B]]", StringComparison.Ordinal) ? PairwiseWinner.B
        : judgment.Contains("[[C]]", StringComparison.Ordinal) ? PairwiseWinner.Tie
        : PairwiseWinner.Error;

    /// <summary>Arena-Hard: try each pattern in order; exactly one distinct non-empty label → that label, else null.</summary>
    public static string? ParseArenaHard(string judgment, IReadOnlyList<Regex>? patterns = null)
    {
        foreach (var pattern in patterns ?? DefaultArenaPatterns)
        {
            var labels = pattern.Matches(judgment).Select(m => m.Groups[1].Value.Trim('\n')).Where(l => l.Length > 0).Distinct().ToList();
            if (labels.Count == 1) { return labels[0]; }
            if (labels.Count > 1) { return null; }
        }

        return null;
    }

    /// <summary>AlpacaEval chat fallback (no logprobs): the reply must be exactly one identifier; returns it or null.</summary>
    public static string? ParseAlpacaIdentifier(string completion)
    {
        var t = completion.Trim().Trim('"', '\'', '`', '.', ' ');
        return t is "m" or "M" ? t : null;
    }

    private static readonly string[] AlpacaTokens = ["m", "M"];

    /// <summary>AlpacaEval <c>logprob_parser</c>: P(numerator) / Σ P(denominators) from top-logprobs of the first token.</summary>
    public static double? AlpacaPreferenceFromLogprobs(IReadOnlyDictionary<string, double> topLogprobs, string numerator = "m")
    {
        var den = AlpacaTokens.Where(topLogprobs.ContainsKey).Sum(t => Math.Exp(topLogprobs[t]));
        return den <= 0 ? null : (topLogprobs.TryGetValue(numerator, out var lp) ? Math.Exp(lp) : 0) / den;
    }

    public static IReadOnlyList<Regex> DefaultArenaPatterns { get; } = [ArenaDouble(), ArenaSingle()];

    [GeneratedRegex(@"\[\[(\d+\.?\d*)\]\]")]
    private static partial Regex OneScore();

    [GeneratedRegex(@"\[(\d+\.?\d*)\]")]
    private static partial Regex OneScoreBackup();

    [GeneratedRegex(@"\[\[(\d+\.?\d*),\s?(\d+\.?\d*)\]\]")]
    private static partial Regex TwoScore();

    [GeneratedRegex(@"\[(\d+\.?\d*),\s?(\d+\.?\d*)\]")]
    private static partial Regex TwoScoreBackup();

    [GeneratedRegex(@"\[\[([AB<>=]+)\]\]")]
    private static partial Regex ArenaDouble();

    [GeneratedRegex(@"\[([AB<>=]+)\]")]
    private static partial Regex ArenaSingle();
}
