using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Archon.Core.Parsing;

/// <summary>
/// Reads pass/fail per unit test: numbered lines ("1: PASS", "Test 2 - [[FAIL]]", "3. Passed"), a JSON array of
/// booleans or "pass"/"fail" strings, or exactly one un-numbered PASS/FAIL word per line in order.
/// Fails unless every test has a verdict.
/// </summary>
public static partial class UnitTestVerdictParser
{
    public static ParseResult<IReadOnlyList<bool>> Parse(string text, int testCount)
    {
        if (TryJson(text.Trim(), testCount) is { } fromJson)
        {
            return ParseResult<IReadOnlyList<bool>>.Ok(fromJson);
        }

        var numbered = new Dictionary<int, bool>();
        var unnumbered = new List<bool>();
        foreach (var line in text.Replace("\r", "").Split('\n'))
        {
            var words = Verdict().Matches(line);
            if (words.Count == 0)
            {
                continue;
            }

            // The verdict usually follows the number; explanations after it may contain "no"/"true"... so PASS/FAIL words win,
            // and the first one counts.
            var strong = words.FirstOrDefault(w => w.Value.StartsWith("pass", StringComparison.OrdinalIgnoreCase) || w.Value.StartsWith("fail", StringComparison.OrdinalIgnoreCase));
            var pass = IsPass((strong ?? words[0]).Value);
            var number = Number().Match(line);
            if (number.Success)
            {
                var n = int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture);
                if (n >= 1 && n <= testCount)
                {
                    numbered[n] = pass;
                }
            }
            else
            {
                unnumbered.Add(pass);
            }
        }

        if (numbered.Count == testCount)
        {
            return ParseResult<IReadOnlyList<bool>>.Ok(Enumerable.Range(1, testCount).Select(i => numbered[i]).ToList());
        }

        if (numbered.Count == 0 && unnumbered.Count == testCount)
        {
            return ParseResult<IReadOnlyList<bool>>.Ok(unnumbered);
        }

        var missing = Enumerable.Range(1, testCount).Where(i => !numbered.ContainsKey(i));
        return ParseResult<IReadOnlyList<bool>>.Fail(
            $"expected a PASS or FAIL for each of the {testCount} checks; missing for check(s) {string.Join(", ", missing)}");
    }

    private static bool IsPass(string word) => word.StartsWith("pass", StringComparison.OrdinalIgnoreCase)
        || word.Equals("yes", StringComparison.OrdinalIgnoreCase) || word.Equals("true", StringComparison.OrdinalIgnoreCase);

    private static List<bool>? TryJson(string text, int count)
    {
        if (!text.StartsWith('['))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var values = new List<bool>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    values.Add(e.GetBoolean());
                }
                else if (e.ValueKind == JsonValueKind.String && Verdict().IsMatch(e.GetString()!))
                {
                    values.Add(IsPass(Verdict().Match(e.GetString()!).Value));
                }
                else
                {
                    return null;
                }
            }

            return values.Count == count ? values : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\b(?:pass(?:ed|es)?|fail(?:ed|s)?|yes|no|true|false)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verdict();

    [GeneratedRegex(@"^\s*(?:\*\*)?\s*(?:(?:unit\s+)?(?:test|check)\s*#?\s*)?(\d+)\s*(?:\*\*)?\s*[:.)\-]", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
