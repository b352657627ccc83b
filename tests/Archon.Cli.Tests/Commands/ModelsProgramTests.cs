using System.Diagnostics;

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

    private static async Task<(int Exit, string StdOut, string StdErr)> RunArchonAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "archon.dll");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var psi = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["COLUMNS"] = "200";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
