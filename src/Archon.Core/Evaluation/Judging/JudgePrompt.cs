namespace Archon.Core.Evaluation.Judging;

/// <summary>A judge prompt as read from the dataset folder. Placeholders are <c>{name}</c> fields.</summary>
public sealed record JudgePrompt(string Name, string SystemPrompt, string Template, string OutputFormat)
{
    /// <summary>Single pass, so an answer that itself contains "{answer_2}" is never substituted again.</summary>
    public string Fill(IReadOnlyDictionary<string, string> fields) =>
        System.Text.RegularExpressions.Regex.Replace(Template, @"\{(\w+)\}", m => fields.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
