namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// Decides whether two MATH answers are equivalent: equal after <see cref="MathNormalizer"/>, numerically equal
/// (relative tolerance 1e-6), or — for tuples, intervals and comma lists — element-wise equivalent with the same
/// bracket kinds (interval ends matter). Unbracketed comma lists (several solutions) compare as sets.
/// </summary>
public static class MathEquivalence
{
    public const double RelativeTolerance = 1e-6;

    public static bool AreEquivalent(string? candidate, string? reference)
    {
        if (candidate is null || reference is null)
        {
            return false;
        }

        var a = MathNormalizer.Normalize(candidate);
        var b = MathNormalizer.Normalize(reference);
        return Equivalent(a, b, depth: 0);
    }

    private static bool Equivalent(string a, string b, int depth)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        if (a.Length == 0 || b.Length == 0 || depth > 3)
        {
            return false;
        }

        if (LatexNumber.TryEvaluate(a) is { } x && LatexNumber.TryEvaluate(b) is { } y)
        {
            return Math.Abs(x - y) <= RelativeTolerance * Math.Max(1.0, Math.Max(Math.Abs(x), Math.Abs(y)));
        }

        if (SingleLetterChoice(a) is { } ca && SingleLetterChoice(b) is { } cb)
        {
            return ca == cb;
        }

        var (openA, partsA, closeA) = SplitList(a);
        var (openB, partsB, closeB) = SplitList(b);
        if (partsA.Count < 2 || partsA.Count != partsB.Count)
        {
            return false;
        }

        if (openA != openB || closeA != closeB)
        {
            return false;
        }

        if (openA == '\0' || openA == '{')
        {
            // Unordered: a list of solutions or a set.
            var used = new bool[partsB.Count];
            return partsA.All(p =>
            {
                for (var j = 0; j < partsB.Count; j++)
                {
                    if (!used[j] && Equivalent(p, partsB[j], depth + 1)) { used[j] = true; return true; }
                }

                return false;
            });
        }

        return partsA.Zip(partsB).All(t => Equivalent(t.First, t.Second, depth + 1));
    }

    private static char? SingleLetterChoice(string s)
    {
        var t = s.Trim('(', ')');
        return t.Length == 1 && char.IsLetter(t[0]) && char.IsUpper(t[0]) ? t[0] : null;
    }

    /// <summary>Splits "(a,b]" → ('(', [a, b], ']'); top-level commas only; brackets '\0' when absent.</summary>
    private static (char Open, List<string> Parts, char Close) SplitList(string s)
    {
        var open = '\0';
        var close = '\0';
        var body = s;
        if (s.Length >= 2 && "([{".Contains(s[0]) && ")]}".Contains(s[^1]) && OuterBracketSpans(s))
        {
            open = s[0];
            close = s[^1];
            body = s[1..^1];
        }
        else if (s.StartsWith("\\{", StringComparison.Ordinal) && s.EndsWith("\\}", StringComparison.Ordinal))
        {
            open = '{';
            close = '}';
            body = s[2..^2];
        }

        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if ("([{".Contains(c)) { depth++; }
            else if (")]}".Contains(c)) { depth--; }
            else if (c == ',' && depth == 0) { parts.Add(body[start..i]); start = i + 1; }
        }

        parts.Add(body[start..]);
        return (open, parts, close);
    }

    /// <summary>True when the first bracket closes at the last character (so "(1,2)" yes, "(1)+(2)" no).</summary>
    private static bool OuterBracketSpans(string s)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if ("([{".Contains(s[i])) { depth++; }
            else if (")]}".Contains(s[i]) && --depth == 0) { return i == s.Length - 1; }
        }

        return false;
    }
}
