using System.Diagnostics;

namespace Archon.Cli.Tests.Commands;

/// <summary>Runs the built <c>archon</c> entry point (archon.dll beside the tests) as a child process.</summary>
internal static class ArchonProcess
{
    public static async Task<(int Exit, string StdOut, string StdErr)> RunAsync(string? workingDirectory, params IEnumerable<string> args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "archon.dll");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var psi = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
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
