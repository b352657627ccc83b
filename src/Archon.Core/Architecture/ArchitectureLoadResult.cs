namespace Archon.Core.Architecture;

/// <summary>The outcome of loading one architecture file: the config (null when it could not be read) and diagnostics.</summary>
public sealed record ArchitectureLoadResult(
    ArchitectureConfig? Architecture,
    IReadOnlyList<ArchitectureDiagnostic> Errors,
    IReadOnlyList<ArchitectureDiagnostic> Warnings)
{
    public bool Succeeded => Architecture is not null && Errors.Count == 0;

    /// <summary>Returns the architecture or throws <see cref="ArchitectureException"/> listing every error.</summary>
    public ArchitectureConfig GetOrThrow() =>
        Succeeded ? Architecture! : throw new ArchitectureException(Errors);
}
