using Archon.Cli.Commands;
using Archon.Core.Prompts;

namespace Archon.Cli.Tests.Commands;

public sealed class PromptsCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-prompts-");
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose()
    {
        dir.Delete(recursive: true);
        output.Dispose();
        error.Dispose();
    }

    private Task<int> Run(PromptsCommand.Settings settings) => new PromptsCommand(output, error).ExecuteAsync(null!, settings, CancellationToken.None);

    [Fact]
    public async Task Export_WritesTheDefaultPack_WhichChecksAndLoadsToTheSameTexts()
    {
        var file = Path.Combine(dir.FullName, "pack.json");

        Assert.Equal(0, await Run(new PromptsCommand.Settings { Export = file }));
        Assert.Equal(0, await Run(new PromptsCommand.Settings { Check = file }));

        Assert.Equal(PromptPackLoader.DefaultJson(), File.ReadAllText(file));
        Assert.Contains($"OK   {file}: {PromptPack.Default.Id}, {PromptStages.All.Count} stages", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ExistingFile_RefusedWithoutForce()
    {
        var file = Path.Combine(dir.FullName, "pack.json");
        File.WriteAllText(file, "keep me");

        Assert.Equal(2, await Run(new PromptsCommand.Settings { Export = file }));

        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Contains("exists (use --force to overwrite)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BrokenPack_ExitTwoNamingStage()
    {
        var file = Path.Combine(dir.FullName, "bad.json");
        File.WriteAllText(file, PromptPackLoader.DefaultJson().Replace("{reasoning}", "{thoughts}", StringComparison.Ordinal));

        Assert.Equal(2, await Run(new PromptsCommand.Settings { Check = file }));

        Assert.Contains("stage \"verifier.verdict_user\": missing placeholder {reasoning}", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("unknown placeholder {thoughts}", error.ToString(), StringComparison.Ordinal);
    }
}
