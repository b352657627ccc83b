namespace Archon.Core.Evaluation.MixEval;

/// <summary>
/// Upstream's model-input rule (<c>mix_eval/prompts/evaluation_prompts.py</c>, chat models, no few-shot prefix):
/// multiple-choice = [context + "\n"] + prompt + "\n" + options as "A. text" lines + "\n" + MULTI_CHOICE_PROMPT;
/// free-form = "Question: " + [context + "\n"] + prompt + "\n" + the instruction, where BBH, GSM8k and MATH get the
/// step-by-step instruction and every other source FREE_FORM_PROMPT. A context that is null, "none", "null" or blank
/// counts as absent, as upstream's check does.
/// </summary>
public static class MixEvalPromptBuilder
{
    public static char Letter(int index) => (char)('A' + index);

    public static string Options(IReadOnlyList<string> options) =>
        string.Join("\n", options.Select((o, i) => $"{Letter(i)}. {o}"));

    public static string MultipleChoice(string prompt, string? context, IReadOnlyList<string> options, MixEvalPromptFile prompts)
    {
        var body = $"{prompt}\n{Options(options)}\n{prompts.Instruction("MULTI_CHOICE_PROMPT")}";
        return HasContext(context) ? $"{context}\n{body}" : body;
    }

    public static string FreeForm(string prompt, string? context, string source, MixEvalPromptFile prompts)
    {
        var instruction = source switch
        {
            "BBH" => prompts.Instruction("FREE_FORM_PROMPT_BBH"),
            // Upstream's GSM8k constant has the same text as the MATH one; prompts.json carries only the latter.
            "GSM8k" => prompts.Instructions.TryGetValue("FREE_FORM_PROMPT_GSM8k", out var g) ? g : prompts.Instruction("FREE_FORM_PROMPT_MATH"),
            "MATH" => prompts.Instruction("FREE_FORM_PROMPT_MATH"),
            _ => prompts.Instruction("FREE_FORM_PROMPT"),
        };
        var body = $"{prompt}\n{instruction}";
        return HasContext(context) ? $"Question: {context}\n{body}" : $"Question: {body}";
    }

    private static bool HasContext(string? context) =>
        context is not null && !context.Equals("none", StringComparison.OrdinalIgnoreCase) && !context.Equals("null", StringComparison.OrdinalIgnoreCase)
        && context.Replace(" ", "", StringComparison.Ordinal).Length > 0;
}
