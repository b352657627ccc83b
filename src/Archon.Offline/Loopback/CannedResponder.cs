using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Offline.Loopback;

/// <summary>
/// Deterministic, well-formed replies for every Archon role, recognised from our own prompt texts. It lets the
/// loopback endpoint (latency bench, offline demo, tests) drive whole architectures through real client code.
/// The replies carry no knowledge: they only have the shape each parser expects.
/// </summary>
public static partial class CannedResponder
{
    public static string Respond(IReadOnlyList<ChatTurn> messages)
    {
        var all = string.Join("\n", messages.Where(m => m.Role != "assistant").Select(m => m.Content));
        var last = messages.Count > 0 ? messages[^1].Content : "";
        if (last.Contains(PromptTemplates.VerifierVerdictUser, StringComparison.Ordinal))
        {
            return "[[Correct]]";
        }

        if (all.Contains(PromptTemplates.RankerSystem, StringComparison.Ordinal))
        {
            var n = CandidateCount(last);
            return "Ranking: " + string.Join(" > ", Enumerable.Range(1, n).Reverse().Select(i => $"[{i}]"));
        }

        if (all.Contains(PromptTemplates.CriticSystem, StringComparison.Ordinal))
        {
            var sb = new StringBuilder();
            for (var i = 1; i <= CandidateCount(last); i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"[{i}]\nStrengths:\n- addresses the request\nWeaknesses:\n- could be more concise\n\n");
            }

            return sb.ToString().TrimEnd();
        }

        if (all.Contains(PromptTemplates.VerifierSystem, StringComparison.Ordinal))
        {
            return "The reasoning and the final answer are consistent with the request.";
        }

        if (all.Contains(PromptTemplates.UnitTestEvaluatorSystem, StringComparison.Ordinal))
        {
            var n = CheckCount(last);
            return string.Join("\n", Enumerable.Range(1, n).Select(i => $"{i}: PASS"));
        }

        if (all.Contains(PromptTemplates.UnitTestGeneratorSystem, StringComparison.Ordinal))
        {
            return "1. The response answers the question asked.\n2. The response states a final answer.";
        }

        if (all.Contains(PromptTemplates.FuserSystem, StringComparison.Ordinal))
        {
            return "A combined answer drawing on the strongest candidate responses.";
        }

        var query = messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
        return $"An answer to: {(query.Length > 80 ? query[..80] : query)}";
    }

    private static int CandidateCount(string text) =>
        CandidateHeader().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Max();

    private static int CheckCount(string text)
    {
        var at = text.IndexOf("Checks:", StringComparison.Ordinal);
        return at < 0 ? 1 : Math.Max(1, CheckLine().Count(text[at..]));
    }

    [GeneratedRegex(@"^\[(\d+)\]$", RegexOptions.Multiline)]
    private static partial Regex CandidateHeader();

    [GeneratedRegex(@"^\d+\. ", RegexOptions.Multiline)]
    private static partial Regex CheckLine();
}
