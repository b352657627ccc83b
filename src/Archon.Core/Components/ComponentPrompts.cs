using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>Renders the built-in components' instructions from a prompt pack: numbered candidate lists, critiques, unit tests.</summary>
internal static class ComponentPrompts
{
    /// <summary>Candidates rendered with the stage's item template (with-critique variant when the candidate has one), joined by blank lines.</summary>
    public static string List(PromptPack pack, IReadOnlyList<Candidate> candidates, string plain, string? withCritique)
    {
        var items = candidates.Select((c, i) => withCritique is not null && c.Critique is { Length: > 0 } critique
            ? pack.Render(withCritique, ("index", i + 1), ("text", c.Text.Trim()), ("critique", critique.Trim()))
            : pack.Render(plain, ("index", i + 1), ("text", c.Text.Trim())));
        return string.Join("\n\n", items);
    }

    public static string UnitTests(PromptPack pack, IReadOnlyList<string> tests, string stage) =>
        string.Join("\n", tests.Select((t, i) => pack.Render(stage, ("index", i + 1), ("test", t))));

    /// <summary>Whitespace-separated words: the length measure of <c>length_control</c>.</summary>
    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
