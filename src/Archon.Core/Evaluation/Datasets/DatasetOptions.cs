namespace Archon.Core.Evaluation.Datasets;

/// <summary>
/// Configuration-bound dataset setting (section <see cref="SectionName"/>) for hosts; the CLI uses --dataset-dir.
/// Default: none, which falls back to ARCHON_DATASET_DIR and otherwise fails with a clear message when a dataset
/// benchmark is requested (the built-in benchmark needs no directory).
/// </summary>
public sealed record DatasetOptions
{
    public const string SectionName = "Archon:Datasets";

    public string? Directory { get; init; }

    /// <summary>Validation for ValidateOnStart: a configured directory must exist.</summary>
    public IReadOnlyList<string> Validate() =>
        Directory is { Length: > 0 } d && !System.IO.Directory.Exists(d)
            ? [$"{SectionName}:Directory '{d}' does not exist."]
            : [];

    public DatasetDirectory Resolve() => DatasetDirectory.Resolve(Directory);
}
