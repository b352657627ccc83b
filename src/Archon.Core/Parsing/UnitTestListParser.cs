using System.Text.Json;
using System.Text.RegularExpressions;

namespace Archon.Core.Parsing;

/// <summary>
/// Reads natural-language unit tests: a numbered ("1.", "1)", "Test 1:") or bulleted ("-", "*", "•") list, or a JSON
/// array of strings. Text outside list items (preambles) is ignored. Keeps at most <c>cap</c> distinct tests.
/// </summary>
public static partial class UnitTestListParser
{
    public static ParseResult<IReadOnlyList<string>> Parse(string text, int cap)
    {
        var tests = new List<string>();
        var trimmed = text.Trim();
        if (trimmed.StartsWith('[') && TryJson(trimmed, tests))
        {
            return Done(tests, cap);
        }

        foreach (var raw in text.Replace("\r", "").Split('\n'))
        {
            var m = Item().Match(raw);
            if (m.Success)
            {
                var body = m.Groups["body"].Value.Trim().Trim('*').Trim();
                if (body.Length > 0)
                {
                    tests.Add(body);
                }
            }
            else if (tests.Count > 0 && raw.StartsWith("   ", StringComparison.Ordinal) && raw.Trim().Length > 0)
            {
                // An indented continuation line belongs to the item above it.
                tests[^1] += " " + raw.Trim();
            }
        }

        return Done(tests, cap);
    }

    private static ParseResult<IReadOnlyList<string>> Done(List<string> tests, int cap)
    {
        var distinct = tests.Distinct(StringComparer.OrdinalIgnoreCase).Take(cap).ToList();
        return distinct.Count == 0
            ? ParseResult<IReadOnlyList<string>>.Fail("no list of checks found; reply with a numbered list, one check per line")
            : ParseResult<IReadOnlyList<string>>.Ok(distinct);
    }

    private static bool TryJson(string text, List<string> tests)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            tests.AddRange(doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.ToString())
                .Select(s => s.Trim()).Where(s => s.Length > 0));
            return tests.Count > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\s*(?:\*\*)?(?:(?:unit\s+)?test(?:\s+case)?\s*#?\s*\d+\s*[:.)\-]|\d+\s*[.):]|[-*•])(?:\*\*)?\s+(?<body>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Item();
}
