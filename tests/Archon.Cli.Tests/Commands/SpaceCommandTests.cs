using System.Text.Json;

namespace Archon.Cli.Tests.Commands;

public sealed class SpaceCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"archon-space-{Guid.NewGuid():N}");
    private static readonly string Samples = Path.Combine(TestPaths.RepoRoot, "samples", "search");

    [Fact]
    public async Task Space_PaperBestArchitecture_ExitsZeroAndReportsThePoint()
    {
        var result = await ArchonCli.RunAsync("space", Path.Combine(Samples, "paper.json"), "--contains", Path.Combine(Samples, "paper-best-general.json"), "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.GetProperty("contains").GetBoolean());
        Assert.True(json.RootElement.GetProperty("space_size").GetInt32() > 9000);
        Assert.Equal("g10-s1-l4-w8.6.4-critic_ranker.critic.critic-none-k5", json.RootElement.GetProperty("point").GetString());
    }

    [Fact]
    public async Task Space_ArchitectureOutsideTheSpace_ExitsOneNamingTheAxis()
    {
        var result = await ArchonCli.RunAsync("space", Path.Combine(Samples, "default.json"), "--contains", Path.Combine(Samples, "paper-best-general.json"));

        Assert.Equal(1, result.Exit);
        Assert.Contains("not in the space:", result.Error, StringComparison.Ordinal);
        Assert.Contains("paper-best-general.json: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Space_InvalidArchitectureFile_ExitsTwoNamingTheFile()
    {
        Directory.CreateDirectory(_root);
        var bad = Path.Combine(_root, "bad.json");
        await File.WriteAllTextAsync(bad, """{ "layers": [[{ "type": "generator" }]] }""");

        var result = await ArchonCli.RunAsync("space", Path.Combine(Samples, "paper.json"), "--contains", bad);

        Assert.Equal(2, result.Exit);
        Assert.StartsWith($"error: {bad}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Space_SpecWithOldRangeField_ExitsTwo()
    {
        Directory.CreateDirectory(_root);
        var spec = Path.Combine(_root, "old.json");
        await File.WriteAllTextAsync(spec, """{ "space": { "fusers": [2, 10] } }""");

        var result = await ArchonCli.RunAsync("space", spec);

        Assert.Equal(2, result.Exit);
        Assert.Contains("fusers", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Space_AxesEmptyAfterConstraints_ExitsTwoNamingTheField()
    {
        Directory.CreateDirectory(_root);
        var spec = Path.Combine(_root, "empty.json");
        // The SIMULATED catalog has 8 models: top-9 generators leave no point.
        await File.WriteAllTextAsync(spec, """{ "catalog": "sim", "benchmark": "builtin", "space": { "generators": [9] } }""");

        var result = await ArchonCli.RunAsync("space", spec);

        Assert.Equal(2, result.Exit);
        Assert.Contains("space.generators", result.Error, StringComparison.Ordinal);
        Assert.Contains("space size: 0", result.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
