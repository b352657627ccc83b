using System.Text;

namespace Archon.Core.Prompts;

/// <summary>
/// A text with named placeholders: <c>{query}</c> is replaced by a value, <c>{{</c> and <c>}}</c> are literal braces.
/// Parsed once at load, so a malformed template fails when the pack is loaded, never in the middle of a run.
/// </summary>
public sealed class PromptTemplate
{
    private readonly IReadOnlyList<(bool IsPlaceholder, string Value)> parts;
    private string? literalText;

    private PromptTemplate(string text, IReadOnlyList<(bool, string)> parts)
    {
        Text = text;
        this.parts = parts;
        Placeholders = parts.Where(p => p.Item1).Select(p => p.Item2).Distinct(StringComparer.Ordinal).ToList();
    }

    public string Text { get; }

    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Parses <paramref name="text"/>; <paramref name="error"/> says what is malformed when it returns null.</summary>
    public static PromptTemplate? TryParse(string text, out string? error)
    {
        var parts = new List<(bool, string)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '{' && i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i++; continue; }
            if (ch == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i++; continue; }
            if (ch == '}')
            {
                error = $"unmatched '}}' at position {i + 1} (write '}}}}' for a literal brace)";
                return null;
            }

            if (ch != '{') { literal.Append(ch); continue; }
            var end = text.IndexOf('}', i + 1);
            var name = end < 0 ? "" : text[(i + 1)..end];
            if (end < 0 || name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                error = $"malformed placeholder at position {i + 1}: placeholders look like {{query}} (write '{{{{' for a literal brace)";
                return null;
            }

            if (literal.Length > 0) { parts.Add((false, literal.ToString())); literal.Clear(); }
            parts.Add((true, name));
            i = end;
        }

        if (literal.Length > 0) { parts.Add((false, literal.ToString())); }
        error = null;
        return new PromptTemplate(text, parts);
    }

    /// <summary>Fills the placeholders; a placeholder without a value is a programming error (packs are validated at load).</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (Placeholders.Count == 0)
        {
            return literalText ??= string.Concat(parts.Select(p => p.Value));
        }

        // Sized once: prompts quoting 1,000 candidates or long unit-test lists otherwise regrow the builder several times.
        var length = 0;
        foreach (var (isPlaceholder, value) in parts)
        {
            length += isPlaceholder ? (values.TryGetValue(value, out var v) ? v.Length : 0) : value.Length;
        }

        var sb = new StringBuilder(length);
        foreach (var (isPlaceholder, value) in parts)
        {
            if (!isPlaceholder) { sb.Append(value); continue; }
            if (!values.TryGetValue(value, out var v))
            {
                throw new InvalidOperationException($"no value for placeholder {{{value}}}");
            }

            sb.Append(v);
        }

        return sb.ToString();
    }
}
