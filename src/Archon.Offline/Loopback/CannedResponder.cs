using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Offline.Loopback;

/// <summary>
/// Deterministic, well-formed replies for every Archon role, recognised from the default prompt pack's system texts.
/// It lets the loopback endpoint (latency bench, offline demo, tests) drive whole architectures through real client
/// code. The replies carry no knowledge: they only have the shape each parser expects.
/// </summary>
public static partial class CannedResponder
{
    public static string Respond(IReadOnlyList<ChatTurn> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var pack = PromptPack.Default;
        var system = string.Join("\n", messages.Where(m => m.Role == "system").Select(m => m.Content));
        var last = messages.Count > 0 ? messages[^1].Content : "";
        bool Is(string stage) => system.Contains(pack.Text(stage), StringComparison.Ordinal);
        if (Is(PromptStages.VerifierVerdictSystem))
        {
            return "The reasoning supports the response. [Correct]";
        }

        if (Is(PromptStages.RankerSystem))
        {
            var n = CandidateCount(last);
            return "Answer: " + string.Join(" > ", Enumerable.Range(1, n).Reverse().Select(i => $"[{i}]"));
        }

        if (Is(PromptStages.CriticSystem))
        {
            var sb = new StringBuilder();
            for (var i = 1; i <= CandidateCount(last); i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"[{i}]\nStrengths:\n- addresses the request\nWeaknesses:\n- could be more concise\n\n");
            }

            return sb.ToString().TrimEnd();
        }

        if (Is(PromptStages.VerifierReasoningSystem))
        {
            return "The reasoning and the final answer are consistent with the request.";
        }

        if (Is(PromptStages.UnitTestEvaluatorSystem))
        {
            var at = last.IndexOf("Unit Tests:\n", StringComparison.Ordinal);
            var n = at < 0 ? 1 : TestLine().Count(last[at..]);
            return "Each test is met.\n" + string.Join("\n", Enumerable.Range(1, Math.Max(1, n)).Select(i => $"Unit Test #{i}: [Passed]"));
        }

        if (Is(PromptStages.UnitTestGeneratorSystem))
        {
            var m = Exactly().Match(last);
            var n = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 2;
            return "[" + string.Join(", ", Enumerable.Range(1, n).Select(i => $"'The response satisfies requirement {i}.'")) + "]";
        }

        if (Is(PromptStages.FuserSystem))
        {
            return "A combined answer drawing on the strongest candidate responses.";
        }

        var query = messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
        return $"An answer to: {(query.Length > 80 ? query[..80] : query)}";
    }

    private static int CandidateCount(string text) =>
        CandidateHeader().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Max();

    [GeneratedRegex(@"^\[(\d+)\] ", RegexOptions.Multiline)]
    private static partial Regex CandidateHeader();

    [GeneratedRegex(@"^Unit Test #\d+: ", RegexOptions.Multiline)]
    private static partial Regex TestLine();

    [GeneratedRegex(@"Write exactly (\d+) unit tests")]
    private static partial Regex Exactly();
}
