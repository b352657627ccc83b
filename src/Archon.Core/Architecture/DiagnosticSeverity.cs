namespace Archon.Core.Architecture;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}
