using System.Globalization;
using System.Text.RegularExpressions;

namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// GSM8K final-number extraction: a "#### x" line, else \boxed{x}, else "The answer is x", else the last number in
/// the text (the upstream convention). Commas, currency signs and trailing units are dropped.
/// </summary>
public static partial class Gsm8kAnswerExtractor
{
    public static decimal? Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var hash = text.LastIndexOf("####", StringComparison.Ordinal);
        if (hash >= 0 && LastNumber(text[(hash + 4)..]) is { } h)
        {
            return h;
        }

        if (LatexBraces.LastBoxed(text) is { } boxed && LastNumber(boxed) is { } b)
        {
            return b;
        }

        var answerIs = AnswerIs().Matches(text);
        if (answerIs.Count > 0 && FirstNumber(answerIs[^1].Groups["a"].Value) is { } a)
        {
            return a;
        }

        return LastNumber(text);
    }

    public static decimal? ParseNumber(string s) =>
        decimal.TryParse(s.Replace(",", "", StringComparison.Ordinal).Replace("$", "", StringComparison.Ordinal).Trim().TrimEnd('.'),
            NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static decimal? LastNumber(string s)
    {
        var m = Number().Matches(s);
        return m.Count == 0 ? null : ParseNumber(m[^1].Value);
    }

    private static decimal? FirstNumber(string s)
    {
        var m = Number().Match(s);
        return m.Success ? ParseNumber(m.Value) : null;
    }

    [GeneratedRegex(@"-?\d[\d,]*(?:\.\d+)?|-?\.\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?:final answer|the answer)\s*(?:is)?\s*[:=]?\s*(?<a>[^\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerIs();
}
