using System.Text.Json;
using System.Text.RegularExpressions;

namespace Archon.Core.Parsing;

/// <summary>
/// Reads a best-to-worst ordering of candidates numbered 1..n. Accepts "[2] > [1] > [3]", "2 > 1 > 3", "2, 1, 3",
/// a JSON array or {"ranking": [...]}. As in the reference the ranking is expected first: a line labelled "Answer:"
/// wins, else the first line that reads as an ordering (the reference reads only the first line).
/// Candidates a partial ordering leaves out follow in their original order. Returns zero-based indices.
/// </summary>
public static partial class RankingParser
{
    public static ParseResult<IReadOnlyList<int>> Parse(string text, int candidateCount)
    {
        if (candidateCount == 1)
        {
            return ParseResult<IReadOnlyList<int>>.Ok([0]);
        }

        var lines = text.Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var labelled = lines.FindIndex(l => AnswerLabel().IsMatch(l));
        if (labelled > 0)
        {
            (lines[0], lines[labelled]) = (lines[labelled], lines[0]);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (TryLine(lines[i], candidateCount, out var order, out var error))
            {
                return ParseResult<IReadOnlyList<int>>.Ok(Complete(order, candidateCount));
            }

            if (error is not null)
            {
                return ParseResult<IReadOnlyList<int>>.Fail(error);
            }
        }

        if (TryJson(text, candidateCount, out var fromJson))
        {
            return ParseResult<IReadOnlyList<int>>.Ok(Complete(fromJson, candidateCount));
        }

        return ParseResult<IReadOnlyList<int>>.Fail($"no ordering of the candidates 1..{candidateCount} such as [2] > [1] > [3] was found");
    }

    private static bool TryLine(string line, int n, out List<int> order, out string? error)
    {
        order = [];
        error = null;
        var body = StripLabel().Replace(line.Trim('*', '`', ' '), "");
        string[] parts;
        if (body.Contains('>'))
        {
            parts = body.Split('>');
        }
        else if (OnlyNumberList().IsMatch(body))
        {
            parts = body.Trim('[', ']').Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        }
        else
        {
            return false;
        }

        foreach (var part in parts)
        {
            var m = Number().Match(part);
            if (!m.Success)
            {
                return false;
            }

            var value = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (value < 1 || value > n)
            {
                error = $"candidate number {value} is outside 1..{n}";
                return false;
            }

            if (!order.Contains(value - 1))
            {
                order.Add(value - 1);
            }
        }

        return order.Count >= 2 || (order.Count == 1 && n == 1);
    }

    private static bool TryJson(string text, int n, out List<int> order)
    {
        order = [];
        var start = text.IndexOfAny(['[', '{']);
        var end = Math.Max(text.LastIndexOf(']'), text.LastIndexOf('}'));
        if (start < 0 || end <= start)
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(text[start..(end + 1)]);
            var array = doc.RootElement;
            if (array.ValueKind == JsonValueKind.Object)
            {
                array = array.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array);
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var e in array.EnumerateArray())
            {
                var ok = e.ValueKind == JsonValueKind.Number ? e.TryGetInt32(out var v) : int.TryParse(e.ToString().Trim('[', ']'), out v);
                if (!ok || v < 1 || v > n)
                {
                    return false;
                }

                if (!order.Contains(v - 1))
                {
                    order.Add(v - 1);
                }
            }

            return order.Count > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<int> Complete(List<int> order, int n) =>
        order.Concat(Enumerable.Range(0, n).Where(i => !order.Contains(i))).ToList();

    [GeneratedRegex(@"^\W*answer\W*:", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerLabel();

    [GeneratedRegex(@"^(?:final\s+)?(?:ranking|order|answer)\s*[:\-]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex StripLabel();

    [GeneratedRegex(@"^\[?\s*\d+\s*\]?(?:\s*,\s*\[?\s*\d+\s*\]?)+\s*\.?$|^\[\s*\d+(?:\s*,\s*\d+)+\s*\]$")]
    private static partial Regex OnlyNumberList();

    [GeneratedRegex(@"^\s*(?:candidate|response)?\s*#?\s*\[?\s*(\d+)\s*\]?\s*\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
