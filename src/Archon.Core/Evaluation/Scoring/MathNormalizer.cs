using System.Text.RegularExpressions;

namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// String normalisation for MATH answers in the spirit of Hendrycks' <c>strip_string</c>, extended with the rules the
/// PRM800K/harness graders add: \dfrac/\tfrac, \left/\right, degrees, percent, units in \text{}, \sqrt and \frac
/// shorthands, thousands separators, "x =" prefixes, spacing commands and \text{} wrappers.
/// </summary>
public static partial class MathNormalizer
{
    public static string Normalize(string answer)
    {
        var s = answer.Trim();
        s = s.Replace("\n", "", StringComparison.Ordinal).Replace("\\!", "", StringComparison.Ordinal);
        s = s.Replace("\\\\", "\\", StringComparison.Ordinal);
        s = s.Replace("\\dfrac", "\\frac", StringComparison.Ordinal).Replace("\\tfrac", "\\frac", StringComparison.Ordinal);
        s = s.Replace("\\left", "", StringComparison.Ordinal).Replace("\\right", "", StringComparison.Ordinal);
        s = s.Replace("\\displaystyle", "", StringComparison.Ordinal);
        s = s.Replace("^{\\circ}", "", StringComparison.Ordinal).Replace("^\\circ", "", StringComparison.Ordinal)
            .Replace("\\circ", "", StringComparison.Ordinal).Replace("°", "", StringComparison.Ordinal);
        s = s.Replace("\\$", "", StringComparison.Ordinal).Replace("$", "", StringComparison.Ordinal);
        s = s.Replace("\\%", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal);
        s = SpacingCommand().Replace(s, "");
        s = s.Replace("\\mbox", "\\text", StringComparison.Ordinal).Replace("\\textbf", "\\text", StringComparison.Ordinal)
            .Replace("\\mathrm", "\\text", StringComparison.Ordinal);
        s = RemoveTrailingUnits(s);
        s = UnwrapText(s);
        s = s.Replace("\\le ", "\\le", StringComparison.Ordinal);
        s = s.Trim().TrimEnd('.');
        s = VariablePrefix().Replace(s, "");
        s = LeadingDot().Replace(s, "${p}0.");
        if (s.StartsWith('.')) { s = "0" + s; }
        s = s.Replace(" ", "", StringComparison.Ordinal);
        s = FixSqrt(s);
        s = FixFracs(s);
        s = s.Replace("\\frac{", "\\frac{", StringComparison.Ordinal);
        if (ThousandsNumber().IsMatch(s)) { s = s.Replace(",", "", StringComparison.Ordinal); }
        s = SimpleSlash().Replace(s, "\\frac{${a}}{${b}}");
        if (s == "0.5") { s = "\\frac{1}{2}"; }
        s = TrailingZeros().Replace(s, "${n}");
        s = StripOuterBraces(s);
        return s;
    }

    /// <summary>"5\text{ cm}", "10 \text{inches}" → number only, when a value precedes the text (names stay).</summary>
    private static string RemoveTrailingUnits(string s)
    {
        var m = TrailingText().Match(s);
        return m.Success && m.Groups["v"].Value.Trim().Length > 0 && Regex.IsMatch(m.Groups["v"].Value, @"[0-9}]\s*$")
            ? m.Groups["v"].Value
            : s;
    }

    private static string UnwrapText(string s)
    {
        for (var i = s.IndexOf("\\text{", StringComparison.Ordinal); i >= 0; i = s.IndexOf("\\text{", StringComparison.Ordinal))
        {
            var close = LatexBraces.Match(s, i + 5);
            if (close < 0) { break; }
            s = s[..i] + s[(i + 6)..close] + s[(close + 1)..];
        }

        return s;
    }

    private static string FixSqrt(string s) => SqrtShort().Replace(s, "\\sqrt{${x}}");

    /// <summary>"\frac12" → "\frac{1}{2}", "\frac1{2}" → "\frac{1}{2}".</summary>
    private static string FixFracs(string s)
    {
        s = FracShort().Replace(s, "\\frac{${a}}{${b}}");
        s = FracHalfShortA().Replace(s, "\\frac{${a}}{");
        s = FracHalfShortB().Replace(s, "\\frac{${a}}{${b}}");
        return s;
    }

    private static string StripOuterBraces(string s)
    {
        while (s.Length >= 2 && s[0] == '{' && LatexBraces.Match(s, 0) == s.Length - 1)
        {
            s = s[1..^1];
        }

        return s;
    }

    [GeneratedRegex(@"\\[,;: ]|\\quad|\\qquad")]
    private static partial Regex SpacingCommand();

    [GeneratedRegex(@"^(?<v>.*?)\s*\\text\{\s*[A-Za-z][A-Za-z ]*\}\s*$")]
    private static partial Regex TrailingText();

    // "x = 5", "k=3", "y \in [1,2]": a short variable name before the relation (Hendrycks keeps answers after "=").
    [GeneratedRegex(@"^\s*[A-Za-z](?:_\{?\w+\}?)?\s*(?:=|\\in)\s*(?=\S)")]
    private static partial Regex VariablePrefix();

    [GeneratedRegex(@"(?<p>[\s(\[,{=+\-])\.(?=\d)")]
    private static partial Regex LeadingDot();

    [GeneratedRegex(@"\\sqrt(?<x>[0-9a-zA-Z])")]
    private static partial Regex SqrtShort();

    [GeneratedRegex(@"\\frac(?<a>[0-9a-zA-Z])(?<b>[0-9a-zA-Z])")]
    private static partial Regex FracShort();

    [GeneratedRegex(@"\\frac(?<a>[0-9a-zA-Z])\{")]
    private static partial Regex FracHalfShortA();

    [GeneratedRegex(@"\\frac\{(?<a>[^{}]+)\}(?<b>[0-9a-zA-Z])")]
    private static partial Regex FracHalfShortB();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsNumber();

    [GeneratedRegex(@"^(?<a>-?\d+)/(?<b>\d+)$")]
    private static partial Regex SimpleSlash();

    [GeneratedRegex(@"(?<n>\d+)\.0+(?!\d)")]
    private static partial Regex TrailingZeros();
}
