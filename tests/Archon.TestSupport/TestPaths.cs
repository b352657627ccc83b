using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable;
namespace Archon.TestSupport;

/// <summary>
/// Locates the repository root and the read-only shared/ folder beside it (datasets, reference configs).
/// ARCHON_SHARED_DIR overrides the location; tests read real data from there and never copy it into the repo.
/// </summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedDir { get; } =
        Environment.GetEnvironmentVariable("ARCHON_SHARED_DIR") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string DatasetsDir => Path.Combine(SharedDir, "datasets");

    public static string ConfigsDir => Path.Combine(SharedDir, "archon-configs");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Archon.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Archon.sln not found above {AppContext.BaseDirectory}");
    }
}
