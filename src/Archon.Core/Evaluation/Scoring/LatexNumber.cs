using System.Globalization;

namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// Evaluates a normalised LaTeX expression made of numbers, + − * / ^, \frac, \sqrt, \pi, \cdot, \times, parentheses
/// and braces, so "0.5", "\frac{1}{2}" and "\frac{\sqrt{2}}{2}" vs "\frac{1}{\sqrt{2}}" compare numerically.
/// Anything else (variables, sets, text) → null, and the caller falls back to string equality.
/// </summary>
internal sealed class LatexNumber
{
    private readonly string _s;
    private int _i;

    private LatexNumber(string s) { _s = s; }

    public static double? TryEvaluate(string s)
    {
        if (string.IsNullOrEmpty(s) || s.Length > 200) { return null; }
        try
        {
            var p = new LatexNumber(s);
            var v = p.Sum();
            return p._i == s.Length && double.IsFinite(v) ? v : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private double Sum()
    {
        var v = Product();
        while (_i < _s.Length && (_s[_i] == '+' || _s[_i] == '-'))
        {
            var op = _s[_i++];
            var r = Product();
            v = op == '+' ? v + r : v - r;
        }

        return v;
    }

    private double Product()
    {
        var v = Unary();
        while (_i < _s.Length)
        {
            if (_s[_i] == '*' || _s[_i] == '/') { var op = _s[_i++]; var r = Unary(); v = op == '*' ? v * r : v / r; }
            else if (Eat("\\cdot") || Eat("\\times")) { v *= Unary(); }
            else if (_s[_i] == '(' || _s[_i] == '{' || _s[_i] == '\\' || char.IsDigit(_s[_i])) { v *= Unary(); } // implicit product: 2\sqrt{3}
            else { break; }
        }

        return v;
    }

    private double Unary()
    {
        if (_i < _s.Length && _s[_i] == '-') { _i++; return -Unary(); }
        if (_i < _s.Length && _s[_i] == '+') { _i++; return Unary(); }
        return Power();
    }

    private double Power()
    {
        var b = Atom();
        if (_i < _s.Length && _s[_i] == '^') { _i++; return Math.Pow(b, Unary()); }
        return b;
    }

    private double Atom()
    {
        if (_i >= _s.Length) { throw new FormatException(); }
        if (Eat("\\frac")) { var a = Group(); var b = Group(); return a / b; }
        if (Eat("\\sqrt"))
        {
            if (_i < _s.Length && _s[_i] == '[') { var close = _s.IndexOf(']', _i); var n = double.Parse(_s[(_i + 1)..close], CultureInfo.InvariantCulture); _i = close + 1; return Math.Pow(Group(), 1 / n); }
            return Math.Sqrt(Group());
        }
        if (Eat("\\pi")) { return Math.PI; }
        var c = _s[_i];
        if (c == '(' || c == '{') { _i++; var v = Sum(); Expect(c == '(' ? ')' : '}'); return v; }
        if (char.IsDigit(c) || c == '.')
        {
            var start = _i;
            while (_i < _s.Length && (char.IsDigit(_s[_i]) || _s[_i] == '.')) { _i++; }
            return double.Parse(_s[start.._i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        throw new FormatException();
    }

    private double Group()
    {
        if (_i < _s.Length && _s[_i] == '{') { _i++; var v = Sum(); Expect('}'); return v; }
        if (_i < _s.Length && char.IsDigit(_s[_i])) { return _s[_i++] - '0'; }
        throw new FormatException();
    }

    private bool Eat(string token)
    {
        if (string.CompareOrdinal(_s, _i, token, 0, token.Length) != 0) { return false; }
        // "\pi" must not eat "\pix..."; commands end at a non-letter.
        var end = _i + token.Length;
        if (end < _s.Length && char.IsLetter(_s[end]) && char.IsLetter(token[^1])) { return false; }
        _i = end;
        return true;
    }

    private void Expect(char c)
    {
        if (_i >= _s.Length || _s[_i] != c) { throw new FormatException(); }
        _i++;
    }
}
