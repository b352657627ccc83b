namespace Archon.Core.Prompts;

/// <summary>
/// One instruction text a component sends, as a prompt pack names it. <see cref="Required"/> placeholders must appear
/// in the pack's text (a text without them would silently drop an input, e.g. the candidates); <see cref="Optional"/>
/// ones may. Any other placeholder is an error, because nothing would fill it.
/// </summary>
public sealed record PromptStage(string Name, IReadOnlyList<string> Required, IReadOnlyList<string> Optional, string Purpose)
{
    public bool Allows(string placeholder) => Required.Contains(placeholder) || Optional.Contains(placeholder);
}
