using System.Text.RegularExpressions;

namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// Pulls Python code out of a model answer: the fenced block defining the entry point if any, else the last
/// ```python (or bare ```) block, else an MBPP <c>[BEGIN] … [DONE]</c> span, else the whole answer.
/// </summary>
public static partial class CodeExtractor
{
    public static string Extract(string answer, string? entryPoint = null)
    {
        var blocks = Fence().Matches(answer).Select(m => m.Groups["code"].Value).ToList();
        if (blocks.Count > 0)
        {
            if (!string.IsNullOrEmpty(entryPoint))
            {
                var defining = blocks.LastOrDefault(b => Regex.IsMatch(b, $@"def\s+{Regex.Escape(entryPoint)}\s*\("));
                if (defining is not null) { return defining; }
            }

            return blocks[^1];
        }

        var begin = answer.IndexOf("[BEGIN]", StringComparison.Ordinal);
        if (begin >= 0)
        {
            var end = answer.IndexOf("[DONE]", begin, StringComparison.Ordinal);
            return end < 0 ? answer[(begin + 7)..] : answer[(begin + 7)..end];
        }

        return answer;
    }

    [GeneratedRegex(@"```[ \t]*(?:python|py|Python|python3)?[ \t]*\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
