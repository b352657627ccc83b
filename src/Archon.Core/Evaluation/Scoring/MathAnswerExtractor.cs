using System.Text.RegularExpressions;

namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// Pulls the final answer out of a model's worked solution: the last <c>\boxed{}</c> (nested braces allowed),
/// else the last "The (final) answer is …" statement. Returns null when the output commits to no answer.
/// </summary>
public static partial class MathAnswerExtractor
{
    public static string? Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var boxed = LatexBraces.LastBoxed(text);
        if (boxed is not null)
        {
            return boxed.Trim();
        }

        var matches = AnswerIs().Matches(text);
        if (matches.Count == 0)
        {
            return null;
        }

        var answer = matches[^1].Groups["a"].Value.Trim();
        answer = answer.Trim('$', ' ', '*').TrimEnd('.', ' ', '$').Trim('$', ' ');
        return answer.Length == 0 ? null : answer;
    }

    // "The answer is 5.", "Final answer: $\frac12$", "the final answer is: **42**" (to end of line).
    [GeneratedRegex(@"(?:final answer|the answer)\s*(?:is)?\s*[:=]?\s*(?<a>[^\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerIs();
}
