namespace Archon.Core.Evaluation.Datasets;

/// <summary>
/// The configurable root holding benchmark copies (one folder per benchmark, upstream formats).
/// Resolution order: explicit path (CLI <c>--dataset-dir</c> or config), then <c>ARCHON_DATASET_DIR</c>.
/// Nothing is guessed relative to the repository: a missing setting is an explicit error.
/// </summary>
public sealed class DatasetDirectory
{
    public const string EnvironmentVariable = "ARCHON_DATASET_DIR";

    public DatasetDirectory(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public static DatasetDirectory Resolve(string? explicitPath)
    {
        var path = !string.IsNullOrWhiteSpace(explicitPath)
            ? explicitPath
            : Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DatasetNotFoundException(
                $"No dataset directory configured: pass --dataset-dir <dir> or set {EnvironmentVariable}. " +
                "The directory holds one folder per benchmark (gsm8k/, math500/, humaneval/, mbpp/, mt_bench/, arena_hard_auto/, alpaca_eval/) in upstream formats.");
        }

        if (!Directory.Exists(path))
        {
            throw new DatasetNotFoundException($"Dataset directory '{Path.GetFullPath(path)}' does not exist.");
        }

        return new DatasetDirectory(path);
    }

    /// <summary>Full path of <paramref name="file"/>; throws a message naming the file and its public source when absent.</summary>
    public string Require(DatasetFile file)
    {
        var full = Path.Combine(Root, file.RelativePath);
        if (!File.Exists(full))
        {
            throw new DatasetNotFoundException(
                $"Dataset file '{file.RelativePath}' not found (expected at '{full}'). Public copy: {file.PublicSource}.");
        }

        return full;
    }
}
