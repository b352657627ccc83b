namespace Archon.Core.Evaluation.Sandbox;

/// <summary>One code execution in a dynamic session: the service's status and the kernel's stdout/stderr/result.</summary>
public sealed record SessionExecution(string Status, string Stdout, string Stderr, string? Result)
{
    public bool Succeeded => string.Equals(Status, "Succeeded", StringComparison.OrdinalIgnoreCase) || string.Equals(Status, "Success", StringComparison.OrdinalIgnoreCase);
}
