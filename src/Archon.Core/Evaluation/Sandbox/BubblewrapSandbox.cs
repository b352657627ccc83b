using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// The local OS sandbox (Linux + bubblewrap): the candidate runs in one bubblewrap process, the checker with the tests
/// in another, and this class relays data-only messages between them (<see cref="CheckBroker"/>). Limits: rlimits set
/// before any candidate code, a wall timeout that kills both. Threat model: docs/sandbox.md.
/// </summary>
public sealed class BubblewrapSandbox : ICodeSandbox, IDisposable
{
    private readonly SandboxOptions _options;
    private readonly Lazy<BubblewrapCommand> _command;
    private readonly SandboxSlots _slots;

    public BubblewrapSandbox(SandboxOptions? options = null)
    {
        _options = options ?? new SandboxOptions();
        _options.Validate();
        _command = new Lazy<BubblewrapCommand>(() => BubblewrapCommand.Probe(_options), LazyThreadSafetyMode.ExecutionAndPublication);
        _slots = new SandboxSlots(_options.MaxParallel);
    }

    public string Isolation
    {
        get
        {
            var c = _command.Value;
            var uid = c.DropsPrivileges ? $"uid {_options.UnprivilegedId} (nobody) and below per slot" : "the caller's uid (not root: no uid drop)";
            return $"{c.Version}: {uid}, read-only {c.Python} + stdlib only, private work dir, no network, own pid/ipc/uts/user namespaces, " +
                $"rlimits (cpu {_options.CpuSeconds} s, as {_options.MemoryBytes >> 20} MiB, fsize {_options.FileSizeBytes >> 20} MiB" +
                (c.DropsPrivileges ? $", nproc {_options.MaxProcesses})" : ")") +
                ", checker in a separate process" + (_options.AuditHook ? ", audit hook (second layer)" : "");
        }
    }

    public async Task<SandboxVerdict> CheckAsync(CodeCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var command = _command.Value;
        using var lease = await _slots.TakeAsync(cancellationToken);
        var uid = _options.UnprivilegedId - lease.Slot;
        var work = CreateWorkDir(uid, command.DropsPrivileges);
        var watch = Stopwatch.StartNew();
        try
        {
            using var checker = await SandboxProcess.StartAsync(command.Build(null, uid, ["-c", SandboxScripts.Checker]), _options.MaxMessageBytes, _options.MaxOutputChars);
            using var candidate = await SandboxProcess.StartAsync(command.Build(work, uid, ["-c", SandboxScripts.Agent, .. LimitArgs(command),
                _options.AuditHook ? "1" : "0"]), _options.MaxMessageBytes, _options.MaxOutputChars);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.WallTimeout);
            using var kill = timeout.Token.Register(() => { checker.Kill(); candidate.Kill(); });
            (bool Passed, string Detail) verdict;
            try
            {
                verdict = await CheckBroker.RunAsync(checker, candidate, SpecJson(check), _options.MaxCalls, timeout.Token);
                cancellationToken.ThrowIfCancellationRequested();
                if (timeout.IsCancellationRequested)
                {
                    // The kill ended a pipe read (end of stream) before the token was checked: still a timeout.
                    return Verdict((false, $"timed out after {_options.WallTimeout.TotalSeconds:0.#} s"), true, candidate, watch);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SandboxProtocolException or JsonException or IOException or KeyNotFoundException or InvalidOperationException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var timedOut = timeout.IsCancellationRequested;
                verdict = (false, timedOut ? $"timed out after {_options.WallTimeout.TotalSeconds:0.#} s" : "failed: " + ex.Message);
                return Verdict(verdict, timedOut, candidate, watch);
            }

            return Verdict(verdict, false, candidate, watch);
        }
        finally
        {
            TryDelete(work);
        }
    }

    public async Task<ProgramRunResult> RunProgramAsync(ProgramRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = _command.Value;
        using var lease = await _slots.TakeAsync(cancellationToken);
        var uid = _options.UnprivilegedId - lease.Slot;
        var work = CreateWorkDir(uid, command.DropsPrivileges);
        var watch = Stopwatch.StartNew();
        try
        {
            var main = Path.Combine(work, "main.py");
            await File.WriteAllTextAsync(main, run.Code, cancellationToken);
            if (command.DropsPrivileges) { _ = chown(main, uid, uid); }
            using var process = await SandboxProcess.StartAsync(command.Build(work, uid, ["-c", SandboxScripts.Launcher, .. LimitArgs(command),
                BubblewrapCommand.WorkMount + "/main.py"]), _options.MaxMessageBytes, _options.MaxOutputChars);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(run.WallTimeout ?? _options.WallTimeout);
            var timedOut = false;
            (string Stdout, bool Truncated) output;
            try
            {
                output = await process.RunToEndAsync(run.Stdin, _options.MaxOutputChars, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
                process.Kill();
                output = ("", false);
            }

            process.Kill();
            var stderr = await process.StderrAsync();
            return new ProgramRunResult(output.Stdout, stderr, timedOut ? -1 : process.ExitCode, timedOut, output.Truncated,
                watch.Elapsed.TotalMilliseconds, Isolation);
        }
        finally
        {
            TryDelete(work);
        }
    }

    public void Dispose() => _slots.Dispose();

    internal static string SpecJson(CodeCheck check) => JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["code"] = check.Code,
        ["tests"] = check.Tests,
        ["entry"] = check.EntryPoint,
        ["prompt"] = check.Prompt,
        ["setup"] = check.Setup,
    });

    private SandboxVerdict Verdict((bool Passed, string Detail) v, bool timedOut, SandboxProcess candidate, Stopwatch watch)
    {
        candidate.Kill();
        return new SandboxVerdict(v.Passed, v.Detail, timedOut, candidate.Output, watch.Elapsed.TotalMilliseconds, Isolation);
    }

    private string[] LimitArgs(BubblewrapCommand command) =>
    [
        _options.CpuSeconds.ToString(CultureInfo.InvariantCulture),
        _options.MemoryBytes.ToString(CultureInfo.InvariantCulture),
        _options.FileSizeBytes.ToString(CultureInfo.InvariantCulture),
        (command.DropsPrivileges ? _options.MaxProcesses : 0).ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>A fresh, private (0700) directory owned by the sandbox uid: the only writable path it will see.</summary>
    private static string CreateWorkDir(int uid, bool chownToUid)
    {
        if (!OperatingSystem.IsLinux()) { throw new SandboxUnavailableException("The local code sandbox needs Linux."); }
        var dir = Directory.CreateTempSubdirectory("archon-sbx-").FullName;
        File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (chownToUid && chown(dir, uid, uid) != 0)
        {
            throw new SandboxUnavailableException($"Could not hand the sandbox work dir to uid {uid} (chown errno {Marshal.GetLastPInvokeError()}).");
        }

        return dir;
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { /* A file still held open by a killed process: the OS temp cleaner gets it. */ }
        catch (UnauthorizedAccessException) { /* Same: left for the temp cleaner. */ }
    }

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int owner, int group);
}
