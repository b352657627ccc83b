namespace Archon.Core.Evaluation.Scoring;

/// <summary>Brace-matching helpers for LaTeX (<c>\boxed{…}</c> contents may nest braces).</summary>
internal static class LatexBraces
{
    /// <summary>Index of the brace closing the one at <paramref name="open"/>, or -1.</summary>
    public static int Match(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && (s[i + 1] == '{' || s[i + 1] == '}'))
            {
                i++;
                continue;
            }

            if (s[i] == '{') { depth++; }
            else if (s[i] == '}' && --depth == 0) { return i; }
        }

        return -1;
    }

    /// <summary>Content of the last <c>\boxed{…}</c> / <c>\fbox{…}</c> (or <c>\boxed x</c>), or null.</summary>
    public static string? LastBoxed(string text)
    {
        var best = -1;
        foreach (var tag in new[] { "\\boxed", "\\fbox" })
        {
            best = Math.Max(best, text.LastIndexOf(tag, StringComparison.Ordinal));
        }

        if (best < 0)
        {
            return null;
        }

        var after = best + (text.AsSpan(best).StartsWith("\\boxed") ? 6 : 5);
        while (after < text.Length && text[after] == ' ' && (after + 1 >= text.Length || text[after + 1] == '{'))
        {
            after++;
        }

        if (after < text.Length && text[after] == '{')
        {
            var close = Match(text, after);
            return close < 0 ? null : text[(after + 1)..close];
        }

        if (after < text.Length && text[after] == ' ')
        {
            // "\boxed 5" form: the token up to the next space or $.
            var rest = text[(after + 1)..];
            var end = rest.IndexOfAny([' ', '$', '\n']);
            return end < 0 ? rest : rest[..end];
        }

        return null;
    }
}
