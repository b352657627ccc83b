namespace Archon.Functions.Tests.Infra;

/// <summary>Repository locations the infrastructure tests read.</summary>
internal static class InfraPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string MainBicep => Path.Combine(RepoRoot, "infra", "main.bicep");

    public static string BicepConfig => Path.Combine(RepoRoot, "bicepconfig.json");

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
