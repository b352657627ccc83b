using System.Globalization;
using System.Text.RegularExpressions;

namespace Archon.Core.Evaluation.MixEval;

/// <summary>
/// Upstream's rule-based parsers (<c>mix_eval/utils/metric_utils.py</c>), re-implemented:
/// <list type="bullet">
/// <item>Multiple-choice: strip <c>, . ! ? ; : '</c> from both ends, pad with spaces, and collect every occurrence of
/// an option letter in one of 13 shapes (<c>" A "</c>, <c>"(A)"</c>, <c>"**A. "</c>, …); if none and the response has more
/// than 5 words, occurrences of an option's text (case-insensitive); the earliest occurrence wins. With no candidate
/// at all upstream picks a random letter: so do we, seeded per item, and say so in the item detail.</item>
/// <item>Free-form: lower-case; per line, the shortest tail after an indicator (<c>"is "</c>, <c>"so "</c>,
/// <c>"answer "</c>, …, and <c>"="</c> on the last line); then every number in those tails. Numbers compare as floats
/// rounded to 2 decimals; strings match when a gold answer is a substring of a prediction.</item>
/// </list>
/// Two deliberate differences, both for short answers (the form MixEval's "Answer the question shortly." asks for):
/// <list type="number">
/// <item>Upstream pads single-character gold answers to <c>" x"</c>/<c>"x "</c> to avoid trivial matches but does not
/// pad the prediction, so a one-character answer (a digit, an emoji) could never match; we pad the prediction with
/// spaces too, which keeps the "no match inside a word" intent and lets "x" match "x".</item>
/// <item>A one-line response of at most <see cref="ShortAnswerWords"/> words is also a prediction as a whole (trimmed,
/// lower-cased, not stripped of dots). Upstream only keeps the tail after an indicator, so a short answer that itself
/// contains one ("Tomorrow is another day", "His wife", "ISO 3166-1:PG") or that starts or ends with a dot (".6",
/// "Government of D.C.") was cut or stripped and never matched its own gold answer.</item>
/// </list>
/// </summary>
public static partial class MixEvalRuleParser
{
    /// <summary>A one-line response of at most this many words is also taken whole (see the class remarks).</summary>
    public const int ShortAnswerWords = 5;

    private static readonly string[] Indicators = ["could be ", "so ", "is ", "thus ", "therefore ", "final ", "answer ", "result "];
    private static readonly Func<char, string>[] LetterShapes =
    [
        c => $" {c} ", c => $" {c}\n", c => $"\n{c} ", c => $"\n{c}\n", c => $" {c}. ", c => $" {c}.\n", c => $"\n{c}. ", c => $"\n{c}.\n",
        c => $"({c})", c => $"**{c} ", c => $" {c}**", c => $"**{c}. ", c => $" {c}.**",
    ];

    /// <summary>The chosen option letter and whether it was found (false = upstream's random fallback was used).</summary>
    public static (char Letter, bool Found) ParseChoice(string response, IReadOnlyList<string> options, int fallbackSeed)
    {
        foreach (var ch in ",.!?;:'") { response = response.Trim(ch); }
        response = " " + response + " ";
        var best = (Letter: '\0', Index: int.MaxValue);
        for (var i = 0; i < options.Count; i++)
        {
            var letter = MixEvalPromptBuilder.Letter(i);
            foreach (var shape in LetterShapes)
            {
                var at = response.IndexOf(shape(letter), StringComparison.Ordinal);
                if (at >= 0 && at < best.Index) { best = (letter, at); }
            }
        }

        if (best.Letter == '\0' && response.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > 5)
        {
            var lower = response.ToLowerInvariant();
            for (var i = 0; i < options.Count; i++)
            {
                if (options[i].Length == 0) { continue; }
                var at = lower.IndexOf(options[i].ToLowerInvariant(), StringComparison.Ordinal);
                if (at >= 0 && at < best.Index) { best = (MixEvalPromptBuilder.Letter(i), at); }
            }
        }

        return best.Letter != '\0' ? (best.Letter, true) : (MixEvalPromptBuilder.Letter(new Random(fallbackSeed).Next(options.Count)), false);
    }

    /// <summary>The normalised predictions upstream extracts from a free-form response (strings and 2-decimal numbers).</summary>
    public static IReadOnlyList<object> ParseFreeForm(string response)
    {
        var keys = KeySubresponses(response);
        var raw = new List<string>(keys);
        var whole = response.Trim().ToLowerInvariant();
        if (!whole.Contains('\n', StringComparison.Ordinal) && whole.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= ShortAnswerWords)
        {
            raw.Add(whole);
        }

        foreach (var k in keys) { raw.AddRange(ExtractNumbers(k)); }
        return raw.SelectMany(Normalize).Distinct().ToList();
    }

    /// <summary>True when any prediction matches any gold answer (upstream <c>eval_freeform_rule</c>, padded as documented).</summary>
    public static bool FreeFormCorrect(IReadOnlyList<string> gold, IReadOnlyList<object> predictions)
    {
        var norm = gold.SelectMany(Normalize).ToList();
        foreach (var p in predictions)
        {
            if (p is string s)
            {
                var padded = " " + s + " ";
                if (norm.OfType<string>().Any(g => padded.Contains(g, StringComparison.Ordinal))) { return true; }
            }
            else if (p is double d && norm.OfType<double>().Contains(d))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> KeySubresponses(string response)
    {
        var lowered = response.Trim().Trim('.').ToLowerInvariant();
        // Upstream splits on "\.\s(?=[A-Z])|\n" after lower-casing, so in effect only on newlines; kept as is.
        var subs = SentenceSplit().Split(lowered);
        var keys = new List<string>();
        for (var i = 0; i < subs.Length; i++)
        {
            var indicators = i == subs.Length - 1 ? [.. Indicators, "="] : Indicators;
            string? shortest = null;
            foreach (var indicator in indicators)
            {
                var at = subs[i].LastIndexOf(indicator, StringComparison.Ordinal);
                if (at < 0) { continue; }
                var tail = subs[i][(at + indicator.Length)..].Trim();
                if (shortest is null || tail.Length < shortest.Length) { shortest = tail; }
            }

            if (!string.IsNullOrEmpty(shortest) && shortest is not (":" or "," or "." or "!" or "?" or ";" or "'"))
            {
                keys.Add(shortest);
            }
        }

        return keys.Count == 0 ? [lowered] : keys;
    }

    private static IEnumerable<string> ExtractNumbers(string s) =>
        Commas().Matches(s).Concat(Scientific().Matches(s)).Concat(Simple().Matches(s)).Select(m => m.Value);

    /// <summary>Upstream <c>normalize_str</c>: a number becomes a float rounded to 2 decimals; else lower-case, one
    /// character padded both ways.</summary>
    private static IEnumerable<object> Normalize(string s)
    {
        s = s.Trim();
        if (IsNumber(s.Replace(",", "", StringComparison.Ordinal), out var v))
        {
            return [Math.Round(v, 2, MidpointRounding.ToEven)];
        }

        s = s.ToLowerInvariant();
        return s.Length == 1 ? [" " + s, s + " "] : [s];
    }

    private static bool IsNumber(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && s.Length > 0;

    [GeneratedRegex(@"\.\s(?=[A-Z])|\n")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"-?\b\d{1,3}(?:,\d{3})+\b")]
    private static partial Regex Commas();

    [GeneratedRegex(@"-?\d+(?:\.\d+)?[eE][+-]?\d+")]
    private static partial Regex Scientific();

    [GeneratedRegex(@"-?(?:\d+\.\d+|\.\d+|\d+\b)(?![eE][+-]?\d+)(?![,\d])")]
    private static partial Regex Simple();
}
