namespace Archon.Cli.Tests.Commands;

/// <summary>`archon models` through the real entry point (Program.cs wiring, option parsing, exit codes).</summary>
public sealed class ModelsProgramTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-models-cli-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task Archon_ModelsOffline_PrintsTheTableAndExitsZero()
    {
        var catalog = Path.Combine(dir.FullName, "models.json");
        await File.WriteAllTextAsync(catalog, """{ "models": [ { "id": "fleet-a", "provider": "sim" } ] }""");

        var (exit, stdout, _) = await RunArchonAsync("models", "--models", catalog, "--offline");

        Assert.Equal(0, exit);
        Assert.Contains("fleet-a", stdout, StringComparison.Ordinal);
        Assert.Contains("1 models: 1 configured, 0 not configured", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archon_ModelsWithBadTimeout_ExitsNonZeroWithOneMessage()
    {
        var (exit, stdout, stderr) = await RunArchonAsync("models", "--timeout", "0", "--offline");

        Assert.NotEqual(0, exit);
        Assert.Contains("--timeout 0: must be more than 0 and at most 60 seconds", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string StdOut, string StdErr)> RunArchonAsync(params string[] args) =>
        ArchonProcess.RunAsync(workingDirectory: null, args);
}
