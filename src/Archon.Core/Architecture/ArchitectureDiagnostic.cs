namespace Archon.Core.Architecture;

/// <summary>
/// One finding about an architecture file: which file, where (line/position for JSON syntax, layer/component for
/// construction rules), which rule, and a sentence a user can act on.
/// </summary>
public sealed record ArchitectureDiagnostic(
    string Rule,
    string Message,
    string? Source = null,
    int? Layer = null,
    int? Component = null,
    long? Line = null,
    long? Position = null)
{
    /// <summary>Errors make an architecture unusable; warnings describe keys or choices that have no effect.</summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Error;

    public override string ToString()
    {
        var where = new List<string>();
        if (Source is not null)
        {
            where.Add(Source);
        }

        if (Line is not null)
        {
            where.Add($"line {Line}, position {Position}");
        }

        if (Layer is not null)
        {
            where.Add(Component is null ? $"layer {Layer}" : $"layer {Layer}, component {Component}");
        }

        var prefix = where.Count == 0 ? "" : string.Join(": ", where) + ": ";
        var level = Severity == DiagnosticSeverity.Warning ? "warning " : "";
        return $"{prefix}{level}[{Rule}] {Message}";
    }
}
