using System.Diagnostics;
using System.Text;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// One bubblewrap process speaking the line protocol on stdin/stdout, with stderr captured up to a cap. Disposing
/// kills it (and, through <c>--die-with-parent</c> and its pid namespace, everything it started).
/// </summary>
internal sealed class SandboxProcess : ISandboxPeer, IDisposable
{
    private readonly Process _process;
    private readonly CappedLineReader _stdout;
    private readonly Task<(string Text, bool Truncated)> _stderr;

    private SandboxProcess(Process process, int maxMessageChars, int maxOutputChars)
    {
        _process = process;
        _stdout = new CappedLineReader(process.StandardOutput, maxMessageChars);
        _stderr = ReadCappedAsync(process.StandardError, maxOutputChars);
    }

    /// <summary>
    /// stderr, complete once the process has exited and the pipe drained. A kill is asynchronous, so right after one the
    /// process may not have exited yet: wait up to <see cref="ExitWait"/> for the exit, then up to <see cref="DrainWait"/>
    /// for the pipe, rather than returning an empty tail. Bounded, and long enough for a loaded 2-core machine: with 2 s
    /// and 1 s, a killed sandbox's tail came back empty about once per full test run there.
    /// </summary>
    public string Output
    {
        get
        {
            var exited = _process.HasExited || _process.WaitForExit(ExitWait);
            return _stderr.Wait(exited ? DrainWait : TimeSpan.Zero) ? _stderr.Result.Text : "";
        }
    }

    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(5);

    public static async Task<SandboxProcess> StartAsync(IReadOnlyList<string> command, int maxMessageChars, int maxOutputChars)
    {
        var psi = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in command.Skip(1)) { psi.ArgumentList.Add(arg); }

        // bubblewrap also clears the environment (--clearenv); nothing of the host's reaches the sandbox either way.
        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/bin:/bin";
        var process = await SandboxSpawner.StartAsync(psi);
        return new SandboxProcess(process, maxMessageChars, maxOutputChars);
    }

    public async Task<string?> ExchangeAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            await _process.StandardInput.WriteAsync((line + "\n").AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            return null; // The process is gone (exited early, killed): no reply.
        }

        return await _stdout.ReadLineAsync(cancellationToken);
    }

    /// <summary>stdin/stdout programs: feed all input, close stdin, read stdout to the cap.</summary>
    public async Task<(string Stdout, bool Truncated)> RunToEndAsync(string stdin, int maxOutputChars, CancellationToken cancellationToken)
    {
        var stdout = ReadCappedAsync(_process.StandardOutput, maxOutputChars);
        try
        {
            await _process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading all of its input: that is its business.
        }

        await _process.WaitForExitAsync(cancellationToken);
        return await stdout;
    }

    public async Task<string> StderrAsync() => (await _stderr).Text;

    public int ExitCode => _process.HasExited ? _process.ExitCode : -1;

    public void Kill()
    {
        try
        {
            if (!_process.HasExited) { _process.Kill(entireProcessTree: true); }
        }
        catch (InvalidOperationException)
        {
            // Already exited and reaped.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static async Task<(string Text, bool Truncated)> ReadCappedAsync(StreamReader reader, int maxChars)
    {
        var sb = new StringBuilder();
        var buffer = new char[4096];
        var truncated = false;
        int n;
        try
        {
            while ((n = await reader.ReadAsync(buffer.AsMemory())) > 0)
            {
                var room = maxChars - sb.Length;
                if (n > room) { truncated = true; }
                if (room > 0) { sb.Append(buffer, 0, Math.Min(n, room)); }
            }
        }
        catch (IOException)
        {
            truncated = true; // Pipe broken by a kill: keep what arrived.
        }

        return (sb.ToString(), truncated);
    }
}
