using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Probes once which OS isolation this machine allows and builds the command prefix:
/// <c>setsid</c> (own process group), <c>setpriv</c> to an unprivileged uid when running as root,
/// <c>unshare -rn --pid --fork --kill-child</c> (user, network and pid namespaces). Missing pieces are skipped and named
/// in <see cref="Description"/> so reports say what protection was actually in force.
/// </summary>
internal sealed class SandboxIsolation
{
    private SandboxIsolation(IReadOnlyList<string> prefix, string python, string description, bool dropsPrivileges)
    {
        Prefix = prefix;
        Python = python;
        Description = description;
        DropsPrivileges = dropsPrivileges;
    }

    public IReadOnlyList<string> Prefix { get; }
    public string Python { get; }
    public string Description { get; }
    public bool DropsPrivileges { get; }

    public static SandboxIsolation Probe(SandboxOptions options)
    {
        // pyenv-style interpreters under /root are not executable once the uid is dropped inside a user namespace,
        // so the system interpreter is tried as well; the strongest working combination wins.
        var pythons = new[] { ResolvePython(options.Python), "/usr/bin/python3" }.Distinct().Where(p => p == options.Python || File.Exists(p)).ToList();
        string[] priv = ["setpriv", $"--reuid={options.UnprivilegedId}", $"--regid={options.UnprivilegedId}", "--clear-groups"];
        string[] ns = ["unshare", "--map-root-user", "--net", "--pid", "--fork", "--kill-child"];
        var root = geteuid() == 0;
        var group = Works("setsid", ["true"]) ? new[] { "setsid" } : [];
        var layers = new List<(string[] Prefix, bool Drops, bool Namespaces)>();
        if (root) { layers.Add(([.. priv, .. ns], true, true)); }
        layers.Add((ns, false, true));
        if (root) { layers.Add((priv, true, false)); }
        layers.Add(([], false, false));

        foreach (var (prefix, drops, namespaces) in layers)
        {
            foreach (var python in pythons)
            {
                string[] probe = [.. group, .. prefix, python, "-I", "-c", "pass"];
                if (!Works(probe[0], probe[1..]))
                {
                    continue;
                }

                var parts = new List<string>();
                if (group.Length > 0) { parts.Add("process-group"); }
                if (drops) { parts.Add($"uid {options.UnprivilegedId}"); }
                parts.Add(namespaces ? "user+net+pid namespaces" : "NO namespaces (unshare unavailable: network not isolated by the OS)");
                parts.Add("rlimits");
                parts.Add("audit hook");
                return new SandboxIsolation([.. group, .. prefix], python, string.Join(", ", parts), drops);
            }
        }

        throw new InvalidOperationException($"The code sandbox could not start Python ({string.Join(", ", pythons)}).");
    }

    private static string ResolvePython(string python)
    {
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import sys; print(sys.executable)");
        try
        {
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 && output.Length > 0 ? output : python;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"The code sandbox needs '{python}' (Python 3) on PATH: {ex.Message}", ex);
        }
    }

    private static bool Works(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) { psi.ArgumentList.Add(a); }
        try
        {
            using var p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            return p.WaitForExit(10_000) && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();
}
