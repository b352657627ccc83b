namespace Archon.Core.Evaluation.CodeContests;

/// <summary>The generation request for a CodeContests problem: the statement plus the I/O contract the scorer enforces.</summary>
public static class CodeContestsPrompt
{
    public static string Build(string description) =>
        "Solve the following competitive programming problem in Python 3. Your program must read the input from standard input "
        + "and print the answer to standard output, with no extra text. Return the complete program in one ```python code block.\n\n"
        + description.Trim();
}
