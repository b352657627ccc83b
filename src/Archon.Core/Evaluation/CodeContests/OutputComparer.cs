using System.Globalization;
using System.Numerics;

namespace Archon.Core.Evaluation.CodeContests;

/// <summary>
/// Whether a program's stdout matches the expected output. The rule, token by token (as DeepMind's tester and the
/// Archon reference compare): both texts are split on whitespace (space, \n, \t, \r, \v, \f; so trailing spaces, blank
/// lines and line-ending style never matter) and compared case-insensitively; the token counts must be equal; two
/// integer tokens must be equal as integers ("007" = "7"); two numeric tokens of which at least one is not an integer
/// must satisfy |actual − expected| ≤ 1e-6 · max(1, |expected|) (absolute error 1e-6, or relative error 1e-6 for
/// magnitudes above 1 — the common "1e-6 absolute or relative" checker; the reference uses 1e-5 absolute); any other
/// pair must be equal as strings.
/// </summary>
public static class OutputComparer
{
    public const double Tolerance = 1e-6;

    private static readonly char[] Delimiters = [' ', '\n', '\t', '\r', '\v', '\f'];

    public static bool Matches(string actual, string expected)
    {
        var a = actual.Split(Delimiters, StringSplitOptions.RemoveEmptyEntries);
        var e = expected.Split(Delimiters, StringSplitOptions.RemoveEmptyEntries);
        if (a.Length != e.Length) { return false; }
        for (var i = 0; i < a.Length; i++)
        {
            if (!TokensMatch(a[i], e[i])) { return false; }
        }

        return true;
    }

    private static bool TokensMatch(string actual, string expected)
    {
        if (BigInteger.TryParse(actual, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ai)
            && BigInteger.TryParse(expected, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ei))
        {
            return ai == ei;
        }

        if (IsFloat(actual, out var af) && IsFloat(expected, out var ef))
        {
            return Math.Abs(af - ef) <= Tolerance * Math.Max(1.0, Math.Abs(ef));
        }

        return string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
    }

    // Finite decimal or exponent notation only: "nan"/"inf" stay strings.
    private static bool IsFloat(string s, out double v) =>
        double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out v)
        && double.IsFinite(v);
}
