using Archon.Cli.Commands;
using Spectre.Console.Cli;

namespace Archon.Cli.Tests.Commands;

public sealed class SpaceCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"archon-space-{Guid.NewGuid():N}");
    private static readonly string Samples = Path.Combine(TestPaths.RepoRoot, "samples", "search");

    private static int Run(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(c => c.AddCommand<SpaceCommand>("space"));
        return app.Run(args);
    }

    [Fact]
    public void Space_PaperBestArchitecture_ExitsZero()
    {
        Assert.Equal(0, Run("space", Path.Combine(Samples, "paper.json"), "--contains", Path.Combine(Samples, "paper-best-general.json"), "--json"));
    }

    [Fact]
    public void Space_ArchitectureOutsideTheSpace_ExitsOne()
    {
        Assert.Equal(1, Run("space", Path.Combine(Samples, "default.json"), "--contains", Path.Combine(Samples, "paper-best-general.json")));
    }

    [Fact]
    public void Space_InvalidArchitectureFile_ExitsTwo()
    {
        Directory.CreateDirectory(_root);
        var bad = Path.Combine(_root, "bad.json");
        File.WriteAllText(bad, """{ "layers": [[{ "type": "generator" }]] }""");

        Assert.Equal(2, Run("space", Path.Combine(Samples, "paper.json"), "--contains", bad));
    }

    [Fact]
    public void Space_SpecWithOldRangeField_ExitsTwo()
    {
        Directory.CreateDirectory(_root);
        var spec = Path.Combine(_root, "old.json");
        File.WriteAllText(spec, """{ "space": { "fusers": [2, 10] } }""");

        Assert.Equal(2, Run("space", spec));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
