using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Builds the bubblewrap command line once per process: a fresh root that holds only the Python interpreter, its
/// standard library and the shared libraries it loads (all read-only), /dev/null|zero|urandom, and the work dir at
/// /sandbox; every namespace unshared (user, pid, net, ipc, uts, cgroup), all capabilities dropped, the environment
/// cleared, and (when running as root) the uid dropped with setpriv first. Anything missing refuses to run.
/// </summary>
internal sealed class BubblewrapCommand
{
    public const string WorkMount = "/sandbox";

    private readonly IReadOnlyList<string> _binds;
    private readonly string _bwrap;
    private readonly string? _setpriv;

    private BubblewrapCommand(string bwrap, string? setpriv, string python, IReadOnlyList<string> binds, string version)
    {
        _bwrap = bwrap;
        _setpriv = setpriv;
        Python = python;
        _binds = binds;
        Version = version;
    }

    public string Python { get; }
    public string Version { get; }
    public bool DropsPrivileges => _setpriv is not null;

    /// <summary>The full command: [setpriv …] bwrap … -- python -I -S -B args. <paramref name="work"/> null: no host dir.</summary>
    public IReadOnlyList<string> Build(string? work, int uid, IEnumerable<string> pythonArgs)
    {
        var cmd = new List<string>();
        if (_setpriv is not null)
        {
            var id = uid.ToString(CultureInfo.InvariantCulture);
            cmd.AddRange([_setpriv, $"--reuid={id}", $"--regid={id}", "--clear-groups", "--"]);
        }

        cmd.AddRange([_bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
            "--cap-drop", "ALL", "--hostname", "sandbox", "--clearenv", "--setenv", "PYTHONHASHSEED", "0",
            "--setenv", "PATH", "/usr/bin", "--setenv", "HOME", WorkMount, "--setenv", "LANG", "C.UTF-8"]);
        cmd.AddRange(_binds);
        foreach (var dev in new[] { "/dev/null", "/dev/zero", "/dev/urandom" }) { cmd.AddRange(["--dev-bind", dev, dev]); }
        if (work is null) { cmd.AddRange(["--dir", WorkMount]); }
        else { cmd.AddRange(["--bind", work, WorkMount]); }

        // The root tmpfs goes read-only last: the work dir is then the only writable path (no /tmp, no /dev/shm).
        cmd.AddRange(["--chdir", WorkMount, "--remount-ro", "/", "--", Python, "-I", "-S", "-B"]);
        cmd.AddRange(pythonArgs);
        return cmd;
    }

    public static BubblewrapCommand Probe(SandboxOptions options)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new SandboxUnavailableException("The local code sandbox needs Linux with bubblewrap (namespaces). " +
                "Elsewhere set ArchonSandbox__Kind=SessionPool (Azure Container Apps dynamic sessions); code is never run unsandboxed.");
        }

        var bwrap = Which(options.Bubblewrap) ?? throw new SandboxUnavailableException(
            $"The local code sandbox needs bubblewrap, and '{options.Bubblewrap}' is not on PATH. Install it: " +
            "'sudo apt-get install bubblewrap' (Debian/Ubuntu), 'sudo dnf install bubblewrap' (Fedora). " +
            "Or set ArchonSandbox__Kind=SessionPool to run code in Azure Container Apps dynamic sessions. Code is never run unsandboxed.");
        string? setpriv = null;
        if (Environment.IsPrivilegedProcess)
        {
            setpriv = Which("setpriv") ?? throw new SandboxUnavailableException(
                "Running as root, the code sandbox drops to an unprivileged uid with setpriv (package util-linux), which is not on PATH.");
        }

        var python = Path.GetFullPath(options.Python);
        if (!File.Exists(python))
        {
            throw new SandboxUnavailableException($"The sandbox Python '{options.Python}' does not exist (set ArchonSandbox:Limits:Python).");
        }

        python = File.ResolveLinkTarget(python, returnFinalTarget: true)?.FullName ?? python;
        var binds = PythonBinds(python);
        var version = Run([bwrap, "--version"]).Stdout.Trim();
        var command = new BubblewrapCommand(bwrap, setpriv, python, binds, version);
        var probe = Run(command.Build(null, options.UnprivilegedId, ["-c", "import os; print('ok', os.getuid())"]));
        if (probe.ExitCode != 0 || !probe.Stdout.StartsWith("ok", StringComparison.Ordinal))
        {
            throw new SandboxUnavailableException($"bubblewrap could not start the sandbox here (exit {probe.ExitCode}): {probe.Stderr.Trim()} " +
                "Unprivileged user namespaces must be allowed (sysctl kernel.unprivileged_userns_clone=1; in Docker, a seccomp profile " +
                "that allows clone/unshare), or set ArchonSandbox__Kind=SessionPool.");
        }

        return command;
    }

    /// <summary>Read-only binds for the interpreter, its stdlib and every shared library it or its extension modules load.</summary>
    private static List<string> PythonBinds(string python)
    {
        var info = Run([python, "-I", "-S", "-c",
            "import json, sys, sysconfig; print(json.dumps([sysconfig.get_paths()['stdlib'], sysconfig.get_paths()['platstdlib']]))"]);
        if (info.ExitCode != 0)
        {
            throw new SandboxUnavailableException($"The sandbox Python '{python}' does not run: {info.Stderr.Trim()}");
        }

        var dirs = JsonSerializer.Deserialize<string[]>(info.Stdout) ?? [];
        var paths = new SortedSet<string>(StringComparer.Ordinal) { python };
        foreach (var d in dirs.Where(Directory.Exists)) { paths.Add(d); }
        var objects = new List<string> { "ldd", python };
        objects.AddRange(dirs.Select(d => Path.Combine(d, "lib-dynload")).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.so")));
        foreach (var line in Run(objects).Stdout.Split('\n'))
        {
            // "libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)"
            var text = line.Contains("=>", StringComparison.Ordinal) ? line[(line.IndexOf("=>", StringComparison.Ordinal) + 2)..] : line;
            var path = text.Trim().Split(' ')[0];
            if (path.StartsWith('/') && File.Exists(path)) { paths.Add(Path.GetDirectoryName(path)!); }
        }

        var binds = new List<string>();
        foreach (var p in paths)
        {
            binds.AddRange(["--ro-bind", p, p]);
        }

        return binds;
    }

    private static string? Which(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal)) { return File.Exists(name) ? Path.GetFullPath(name) : null; }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(IReadOnlyList<string> command)
    {
        var psi = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command.Skip(1)) { psi.ArgumentList.Add(a); }
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            if (!p.WaitForExit(30_000)) { p.Kill(entireProcessTree: true); }
            p.WaitForExit();
            return (p.ExitCode, stdout.Result, stderr);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new SandboxUnavailableException($"Could not run '{command[0]}': {ex.Message}", ex);
        }
    }
}
