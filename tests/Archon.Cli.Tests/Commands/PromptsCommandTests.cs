using Archon.Core.Prompts;

namespace Archon.Cli.Tests.Commands;

public sealed class PromptsCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-prompts-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task Export_WritesTheDefaultPack_WhichChecksAndLoadsToTheSameTexts()
    {
        var file = Path.Combine(dir.FullName, "pack.json");

        var export = await ArchonCli.RunAsync("prompts", "--export", file);
        var check = await ArchonCli.RunAsync("prompts", "--check", file);

        Assert.True(export.Exit == 0, export.ToString());
        Assert.True(check.Exit == 0, check.ToString());
        Assert.Equal(PromptPackLoader.DefaultJson(), File.ReadAllText(file));
        Assert.Contains($"OK   {file}: {PromptPack.Default.Id}, {PromptStages.All.Count} stages", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ExistingFile_RefusedWithoutForce()
    {
        var file = Path.Combine(dir.FullName, "pack.json");
        File.WriteAllText(file, "keep me");

        var result = await ArchonCli.RunAsync("prompts", "--export", file);

        Assert.Equal(2, result.Exit);
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Contains("exists (use --force to overwrite)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BrokenPack_ExitTwoNamingStage()
    {
        var file = Path.Combine(dir.FullName, "bad.json");
        File.WriteAllText(file, PromptPackLoader.DefaultJson().Replace("{reasoning}", "{thoughts}", StringComparison.Ordinal));

        var result = await ArchonCli.RunAsync("prompts", "--check", file);

        Assert.Equal(2, result.Exit);
        Assert.Contains("stage \"verifier.verdict_user\": missing placeholder {reasoning}", result.Error, StringComparison.Ordinal);
        Assert.Contains("unknown placeholder {thoughts}", result.Error, StringComparison.Ordinal);
    }
}
