using System.Globalization;
using System.Text.RegularExpressions;

namespace Archon.Core.Parsing;

/// <summary>
/// Splits a critic's reply into one critique per candidate. Section headers may be "[2]", "Candidate 2:",
/// "**Response 2**", "### 2." and so on. A reply about a single candidate needs no header.
/// Fails (naming the missing numbers) unless every candidate got a critique.
/// </summary>
public static partial class CritiqueParser
{
    public static ParseResult<IReadOnlyList<string>> Parse(string text, int candidateCount)
    {
        var sections = new Dictionary<int, string>();
        var matches = Header().Matches(text);
        for (var i = 0; i < matches.Count; i++)
        {
            var number = int.Parse(matches[i].Groups["n"].Value, CultureInfo.InvariantCulture);
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var body = text[start..end].Trim();
            if (number >= 1 && number <= candidateCount && body.Length > 0)
            {
                sections[number] = sections.TryGetValue(number, out var earlier) ? earlier + "\n" + body : body;
            }
        }

        if (sections.Count == 0 && candidateCount == 1 && text.Trim().Length > 0)
        {
            return ParseResult<IReadOnlyList<string>>.Ok([text.Trim()]);
        }

        var missing = Enumerable.Range(1, candidateCount).Where(i => !sections.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            return ParseResult<IReadOnlyList<string>>.Fail(
                $"no critique found for candidate(s) {string.Join(", ", missing)}; start each one with its number in brackets, e.g. [1]");
        }

        return ParseResult<IReadOnlyList<string>>.Ok(Enumerable.Range(1, candidateCount).Select(i => sections[i]).ToList());
    }

    [GeneratedRegex(@"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?[ \t]*(?:\[(?<n>\d+)\]|(?:candidate|response|answer)[ \t]*#?[ \t]*\[?(?<n>\d+)\]?)[ \t]*(?:\*\*)?[ \t]*[:.)\-]?[ \t]*(?:\*\*)?[ \t]*$|^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?[ \t]*(?:\[(?<n>\d+)\]|(?:candidate|response|answer)[ \t]*#?[ \t]*\[?(?<n>\d+)\]?)[ \t]*(?:\*\*)?[ \t]*[:.)\-][ \t]*(?:\*\*)?",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Header();
}
