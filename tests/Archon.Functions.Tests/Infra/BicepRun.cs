namespace Archon.Functions.Tests.Infra;

/// <summary>Exit code and output of one Bicep CLI invocation.</summary>
internal sealed record BicepRun(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Diagnostic lines ("file(line,col) : Warning|Error CODE: message") from either stream.</summary>
    public IReadOnlyList<string> Diagnostics =>
        (StdOut + "\n" + StdErr)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal)
                || line.Contains(" : Error ", StringComparison.Ordinal)
                || line.Contains(" : Info ", StringComparison.Ordinal))
            .ToList();

    public override string ToString() => $"exit {ExitCode}\n{StdOut}\n{StdErr}";
}
