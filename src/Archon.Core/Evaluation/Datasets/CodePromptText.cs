namespace Archon.Core.Evaluation.Datasets;

/// <summary>User-turn texts for code tasks sent to chat models (instruction-tuned models need an instruction).</summary>
public static class CodePromptText
{
    public static string ForFunction(string signatureAndDocstring) =>
        "Complete the following Python function. Reply with the full function in a ```python code block.\n\n```python\n"
        + signatureAndDocstring + "```";

    /// <summary>MBPP's original prompt format (Austin et al.), without few-shot examples.</summary>
    public static string ForMbpp(string text, IEnumerable<string> tests) =>
        $"You are an expert Python programmer, and here is your task: {text} Your code should pass these tests:\n\n"
        + string.Join("\n", tests) + "\nReply with the code in a ```python code block.";
}
