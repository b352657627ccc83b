using System.Diagnostics;
using System.Reflection;

namespace Archon.Functions.Tests.Infra;

/// <summary>
/// Runs the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 NuGet package. The package folder is written into
/// this assembly's metadata at build time (GeneratePathProperty), so no global install or network is needed.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string Path => Executable.Value;

    public static BicepRun Run(params string[] args)
    {
        var psi = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = InfraPaths.RepoRoot,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        // Keep the CLI offline and quiet: no telemetry, no update checks.
        psi.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Path}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return new BicepRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Locate()
    {
        var packageDir = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackagePath")?.Value;
        if (string.IsNullOrEmpty(packageDir))
        {
            throw new InvalidOperationException(
                "BicepPackagePath metadata is empty: restore tests/Archon.Functions.Tests (Azure.Bicep.CommandLine.linux-x64)");
        }

        var exe = System.IO.Path.Combine(packageDir, "tools", "bicep");
        if (!File.Exists(exe))
        {
            throw new FileNotFoundException($"bicep binary not found at {exe}", exe);
        }

        // The package ships the binary with an owner-only execute bit; make it executable for whoever runs tests.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(exe);
            var wanted = mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if (mode != wanted)
            {
                try
                {
                    File.SetUnixFileMode(exe, wanted);
                }
                catch (UnauthorizedAccessException) when ((mode & UnixFileMode.UserExecute) != 0)
                {
                    // Not the owner but already executable by the owner bit: nothing more we may do.
                }
            }
        }

        return exe;
    }
}
