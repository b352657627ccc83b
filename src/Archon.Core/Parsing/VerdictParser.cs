using System.Text.RegularExpressions;

namespace Archon.Core.Parsing;

/// <summary>
/// Reads a verifier's yes/no verdict: "[Correct]", "[Incorrect]" (the reference format; "[[Correct]]" too),
/// "Verdict: yes", a bare "Valid", "**No**" ... Bracketed verdicts win; a reply holding both "[Correct]" and
/// "[Incorrect]" is unreadable (reference rule) and gets re-asked. Otherwise a labelled verdict; otherwise a one-word final line.
/// Negative words are matched before positive ones so "incorrect" never reads as "correct".
/// </summary>
public static partial class VerdictParser
{
    private static readonly HashSet<string> Positive = ["correct", "yes", "valid", "true", "pass", "passed", "right", "accept", "accepted"];
    private static readonly HashSet<string> Negative = ["incorrect", "no", "invalid", "false", "fail", "failed", "wrong", "reject", "rejected", "not correct", "not valid"];

    public static ParseResult<bool> Parse(string text)
    {
        var bracketed = Bracketed().Matches(text).Select(m => Classify(m.Groups[1].Value)).OfType<bool>().Distinct().ToList();
        if (bracketed.Count == 2)
        {
            return ParseResult<bool>.Fail("the reply holds both [Correct] and [Incorrect]; give exactly one verdict");
        }

        if (bracketed.Count == 1)
        {
            return ParseResult<bool>.Ok(bracketed[0]);
        }

        var labelled = Labelled().Matches(text);
        if (labelled.Count > 0 && Classify(labelled[^1].Groups[1].Value) is { } l)
        {
            return ParseResult<bool>.Ok(l);
        }

        var lastLine = text.Replace("\r", "").Split('\n').Select(s => s.Trim()).LastOrDefault(s => s.Length > 0) ?? "";
        if (Classify(lastLine) is { } w)
        {
            return ParseResult<bool>.Ok(w);
        }

        // "No, the total is wrong." / "Yes — every step checks out.": a leading yes/no decides.
        var firstWord = Regex.Match(lastLine, @"^\W*(yes|no)\b", RegexOptions.IgnoreCase);
        if (firstWord.Success)
        {
            return ParseResult<bool>.Ok(firstWord.Groups[1].Value.Equals("yes", StringComparison.OrdinalIgnoreCase));
        }

        return Fail();
    }

    private static bool? Classify(string raw)
    {
        var word = Regex.Replace(raw.ToLowerInvariant(), @"[^a-z ]", " ").Trim();
        word = Regex.Replace(word, @"\s+", " ");
        if (word.StartsWith("the response is ", StringComparison.Ordinal))
        {
            word = word["the response is ".Length..];
        }

        if (Negative.Contains(word))
        {
            return false;
        }

        return Positive.Contains(word) ? true : null;
    }

    private static ParseResult<bool> Fail() =>
        ParseResult<bool>.Fail("no verdict found; end with exactly [Correct] or [Incorrect]");

    [GeneratedRegex(@"\[\[?\s*([A-Za-z ]+?)\s*\]\]?")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"(?:verdict|judg(?:e)?ment|final answer|answer|decision)\s*\**\s*[:\-]\s*\**\s*([A-Za-z ]+?)\s*\**\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Labelled();
}
