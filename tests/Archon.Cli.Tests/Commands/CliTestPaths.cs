namespace Archon.Cli.Tests.Commands;

/// <summary>The repository root (the folder holding Archon.sln above the test binaries), for examples/ and catalog/.</summary>
internal static class CliTestPaths
{
    public static string RepoRoot { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Archon.sln"))) { return d.FullName; }
        }

        throw new InvalidOperationException("Archon.sln not found");
    }
}
