using System.Text.Json;
using System.Text.RegularExpressions;

namespace Archon.Core.Parsing;

/// <summary>
/// Reads natural-language unit tests: a list of quoted strings as the reference asks for (<c>['a', "b"]</c>, JSON or
/// Python quoting), or a numbered ("1.", "1)", "Test 1:") or bulleted ("-", "*", "•") list. Text outside list items
/// (preambles) is ignored. With <c>exact</c> = N a reply with another number of distinct tests is unreadable
/// (reference rule: the generator writes exactly unit_test_cap tests).
/// </summary>
public static partial class UnitTestListParser
{
    public static ParseResult<IReadOnlyList<string>> Parse(string text, int? exact)
    {
        var tests = new List<string>();
        var trimmed = text.Trim();
        // The list must open a line: a "[" inside a numbered item is not a list of strings.
        var open = trimmed.StartsWith('[') ? 0 : trimmed.IndexOf("\n[", StringComparison.Ordinal) + 1;
        var close = trimmed.LastIndexOf(']');
        if ((open > 0 || trimmed.StartsWith('[')) && close > open && (TryJson(trimmed[open..(close + 1)], tests) || TryQuotedList(trimmed[open..(close + 1)], tests)))
        {
            return Done(tests, exact);
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

        return Done(tests, exact);
    }

    private static ParseResult<IReadOnlyList<string>> Done(List<string> tests, int? exact)
    {
        var distinct = tests.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (distinct.Count == 0)
        {
            return ParseResult<IReadOnlyList<string>>.Fail("no list of unit tests found; reply with a list of strings such as ['test 1', 'test 2']");
        }

        return exact is { } n && distinct.Count != n
            ? ParseResult<IReadOnlyList<string>>.Fail($"expected exactly {n} unit tests, got {distinct.Count}")
            : ParseResult<IReadOnlyList<string>>.Ok(distinct);
    }

    /// <summary>['a', 'b'] with Python quoting: single or double quotes, backslash escapes.</summary>
    private static bool TryQuotedList(string text, List<string> tests)
    {
        var found = QuotedItem().Matches(text).Select(m => (m.Groups["s"].Success ? m.Groups["s"].Value : m.Groups["d"].Value)
            .Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Trim()).Where(s => s.Length > 0).ToList();
        tests.AddRange(found);
        return found.Count > 0;
    }

    [GeneratedRegex(@"'(?<s>(?:\\.|[^'\\])*)'|""(?<d>(?:\\.|[^""\\])*)""")]
    private static partial Regex QuotedItem();

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
