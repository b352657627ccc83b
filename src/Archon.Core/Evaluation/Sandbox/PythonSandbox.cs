using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Runs a Python program in a fresh temp directory under OS isolation (<see cref="SandboxIsolation"/>), resource
/// limits and an audit-hook runner, with a wall timeout after which the whole process group is killed.
/// Concurrency is bounded by <see cref="SandboxOptions.MaxParallel"/>. Threat model: docs/sandbox.md.
/// </summary>
public sealed class PythonSandbox : IDisposable
{
    private readonly SandboxOptions _options;
    private readonly Lazy<SandboxIsolation> _isolation;
    private readonly SemaphoreSlim _slots;

    public PythonSandbox(SandboxOptions? options = null)
    {
        _options = options ?? new SandboxOptions();
        _options.Validate();
        _isolation = new Lazy<SandboxIsolation>(() => SandboxIsolation.Probe(_options), LazyThreadSafetyMode.ExecutionAndPublication);
        _slots = new SemaphoreSlim(_options.MaxParallel);
    }

    public static PythonSandbox Shared { get; } = new();

    public void Dispose() => _slots.Dispose();

    /// <summary>What protection is in force on this machine (for reports and docs).</summary>
    public string Isolation => _isolation.Value.Description;

    public async Task<SandboxResult> RunAsync(string program, CancellationToken cancellationToken)
    {
        var isolation = _isolation.Value;
        await _slots.WaitAsync(cancellationToken);
        var work = Directory.CreateTempSubdirectory("archon-sbx-");
        try
        {
            // The unprivileged sandbox uid must be able to write its own work dir.
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("The code sandbox needs Linux (namespaces, rlimits, process groups).");
            }

            File.SetUnixFileMode(work.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "program.py"), program, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "runner.py"), SandboxRunnerScript.Source, cancellationToken);
            return await RunInAsync(work.FullName, isolation, cancellationToken);
        }
        finally
        {
            _slots.Release();
            TryDelete(work.FullName);
        }
    }

    private async Task<SandboxResult> RunInAsync(string work, SandboxIsolation isolation, CancellationToken cancellationToken)
    {
        var token = "ARCHON_SANDBOX_OK_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var command = isolation.Prefix.Concat([isolation.Python, "-I", "-B", Path.Combine(work, "runner.py"), work,
            _options.CpuSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _options.MemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _options.FileSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (isolation.DropsPrivileges ? _options.MaxProcesses : 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _options.AuditHook ? "1" : "0"]).ToList();
        var psi = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        foreach (var arg in command.Skip(1)) { psi.ArgumentList.Add(arg); }
        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/bin:/bin";
        psi.Environment["ARCHON_SANDBOX_TOKEN"] = token;
        psi.Environment["PYTHONHASHSEED"] = "0";

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = ReadCappedAsync(process.StandardOutput);
        var stderr = ReadCappedAsync(process.StandardError);
        var timedOut = false;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_options.WallTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = !cancellationToken.IsCancellationRequested;
            }
            finally
            {
                KillGroup(process);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        await process.WaitForExitAsync(CancellationToken.None);
        var output = await stdout;
        var errors = await stderr;
        var passed = !timedOut && process.ExitCode == 0 && output.Contains(token, StringComparison.Ordinal);
        return new SandboxResult(passed, process.ExitCode, timedOut, output.Replace(token, "[ok]", StringComparison.Ordinal), errors,
            watch.Elapsed.TotalMilliseconds, isolation.Description);
    }

    /// <summary>setsid made the child a group leader: signal the whole group, then the tree as a fallback.</summary>
    private static void KillGroup(Process process)
    {
        try
        {
            _ = kill(-process.Id, 9);
            if (!process.HasExited) { process.Kill(entireProcessTree: true); }
        }
        catch (InvalidOperationException)
        {
            // Already exited and reaped.
        }
    }

    private async Task<string> ReadCappedAsync(StreamReader reader)
    {
        var sb = new StringBuilder();
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            if (sb.Length < _options.MaxOutputChars) { sb.Append(buffer, 0, Math.Min(n, _options.MaxOutputChars - sb.Length)); }
        }

        return sb.ToString();
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { /* A file still held open by a killed process: the OS temp cleaner gets it. */ }
        catch (UnauthorizedAccessException) { /* Same: left for the temp cleaner. */ }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
