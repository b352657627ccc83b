namespace Archon.Core.Architecture;

/// <summary>Thrown when an architecture cannot be used; the message lists every error, one per line.</summary>
public sealed class ArchitectureException(IReadOnlyList<ArchitectureDiagnostic> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<ArchitectureDiagnostic> Errors { get; } = errors;
}
