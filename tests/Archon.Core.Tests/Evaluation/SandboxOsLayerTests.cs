using System.Diagnostics;
using Archon.Core.Evaluation.Sandbox;

namespace Archon.Core.Tests.Evaluation;

/// <summary>
/// The audit hook is not a security boundary, so these run hostile programs with it switched OFF and check that the OS
/// layer (namespaces, unprivileged uid, rlimits, process-group kill) still contains them. They assert the isolation this
/// machine provides (user+net+pid namespaces and uid drop when running as root); the probe result is part of the message.
/// </summary>
public sealed class SandboxOsLayerTests
{
    private static readonly PythonSandbox NoHook = new(new SandboxOptions { AuditHook = false, CpuSeconds = 2, WallTimeout = TimeSpan.FromSeconds(6) });

    [Fact]
    public async Task RunAsync_SocketWithoutHook_NoNetworkInNamespace()
    {
        var result = await NoHook.RunAsync("import socket\nsocket.create_connection(('1.1.1.1', 80), timeout=2)\n", default);
        Assert.Contains("net", NoHook.Isolation, StringComparison.Ordinal);
        Assert.False(result.Passed);
        Assert.Contains("OSError", result.Stderr, StringComparison.Ordinal); // ENETUNREACH: no route in a fresh namespace
    }

    [Fact]
    public async Task RunAsync_ForkBombViaPosixSubprocessWithoutHook_StoppedByProcessLimitAndReaped()
    {
        const string bomb = """
            import _posixsubprocess, os
            n = 0
            try:
                for i in range(500):
                    r, w = os.pipe()
                    _posixsubprocess.fork_exec([b'/bin/sleep', b'30'], [b'/bin/sleep'], True, (w,), None, None,
                        -1, -1, -1, -1, -1, -1, r, w, False, False, -1, None, None, None, -1, None, True)
                    n += 1
            finally:
                print('spawned', n)
            """;
        var result = await NoHook.RunAsync(bomb, default);
        Assert.True(NoHook.Isolation.Contains("uid 65534", StringComparison.Ordinal), NoHook.Isolation);
        Assert.False(result.Passed, result.Stdout); // the process limit raised BlockingIOError
        var spawned = int.Parse(result.Stdout.Split("spawned ")[1].Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(spawned, 0, 40);
        // Wall-clock wait on purpose: the sleepers are real OS processes the kernel reaps after the sandbox is torn down;
        // there is no event to wait on from here, only the process table.
        await Task.Delay(300);
        Assert.Equal(0, SleepersOfSandboxUser());
    }

    [Fact]
    public async Task RunAsync_ReadRootOnlyFileWithoutHook_PermissionDenied()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"archon-root-only-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(secret, "secret");
        if (OperatingSystem.IsWindows()) { throw new PlatformNotSupportedException("the sandbox is Linux-only"); }
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            var result = await NoHook.RunAsync($"print(open({System.Text.Json.JsonSerializer.Serialize(secret)}).read())", default);
            Assert.False(result.Passed);
            Assert.DoesNotContain("secret", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("PermissionError", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    private static int SleepersOfSandboxUser()
    {
        var psi = new ProcessStartInfo("ps", "-u 65534 -o comm=") { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output.Split('\n').Count(l => l.Trim() == "sleep");
    }
}
