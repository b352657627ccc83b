using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// The Azure sandbox: Azure Container Apps dynamic sessions (Python code interpreter, each session Hyper-V isolated).
/// One fresh session per evaluation for the candidate and another for the checker, relayed by the same
/// <see cref="CheckBroker"/> as the local sandbox, so the verdict rule is identical: only the checker decides.
/// </summary>
public sealed class SessionPoolSandbox : ICodeSandbox, IDisposable
{
    private readonly SessionPoolClient _client;
    private readonly SandboxOptions _limits;
    private readonly SemaphoreSlim _slots;

    public SessionPoolSandbox(SessionPoolClient client, SandboxOptions? limits = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _limits = limits ?? new SandboxOptions();
        _limits.Validate();
        _slots = new SemaphoreSlim(client.Options.MaxParallel, client.Options.MaxParallel);
    }

    public string Isolation => $"Azure Container Apps dynamic sessions ({_client.Options.Endpoint!.Host}): a Hyper-V isolated session per evaluation " +
        "for the candidate, the checker in its own session";

    private int TimeoutSeconds => (int)Math.Ceiling(_limits.WallTimeout.TotalSeconds);

    public async Task<SandboxVerdict> CheckAsync(CodeCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        await _slots.WaitAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        try
        {
            var id = NewSessionId();
            var candidate = new SessionCandidatePeer(_client, id + "-c", TimeoutSeconds);
            var checker = new SessionCheckerPeer(_client, id + "-k", TimeoutSeconds);
            try
            {
                var (passed, detail) = await CheckBroker.RunAsync(checker, candidate, BubblewrapSandbox.SpecJson(check), _limits.MaxCalls, cancellationToken);
                return new SandboxVerdict(passed, detail, false, candidate.Output, watch.Elapsed.TotalMilliseconds, Isolation);
            }
            catch (Exception ex) when (ex is TimeoutException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return new SandboxVerdict(false, "failed: " + ex.Message, ex is TimeoutException, candidate.Output, watch.Elapsed.TotalMilliseconds, Isolation);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public async Task<ProgramRunResult> RunProgramAsync(ProgramRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await _slots.WaitAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        try
        {
            var timeout = (int)Math.Ceiling((run.WallTimeout ?? _limits.WallTimeout).TotalSeconds);
            var code = ProgramCode(run);
            SessionExecution result;
            try
            {
                result = await _client.ExecuteAsync(NewSessionId() + "-p", code, timeout, cancellationToken);
            }
            catch (TimeoutException ex)
            {
                return new ProgramRunResult("", ex.Message, -1, true, false, watch.Elapsed.TotalMilliseconds, Isolation);
            }

            var line = result.Succeeded ? SessionCode.LastLine(result.Stdout) : null;
            if (line is null)
            {
                var timedOut = result.Status.Contains("timeout", StringComparison.OrdinalIgnoreCase) || result.Stderr.Contains("timeout", StringComparison.OrdinalIgnoreCase);
                return new ProgramRunResult("", $"session execution {result.Status}: {result.Stderr}", -1, timedOut, false, watch.Elapsed.TotalMilliseconds, Isolation);
            }

            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return new ProgramRunResult(r.GetProperty("stdout").GetString() ?? "", r.GetProperty("stderr").GetString() ?? "", r.GetProperty("exit").GetInt32(),
                false, r.GetProperty("truncated").GetBoolean(), watch.Elapsed.TotalMilliseconds, Isolation);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _client.Dispose();
    }

    /// <summary>The wrapper runs in the program's own kernel: it reports only what the program itself printed.</summary>
    private string ProgramCode(ProgramRun run)
    {
        var max = _limits.MaxOutputChars.ToString(CultureInfo.InvariantCulture);
        return string.Join('\n',
            "import contextlib as _c, io as _io, json as _j, sys as _s, traceback as _t",
            $"_src = {SessionCode.B64(run.Code)}",
            $"_s.stdin = _io.TextIOWrapper(_io.BytesIO({SessionCode.B64(run.Stdin)}.encode('utf-8')), encoding='utf-8')",
            "_ob, _e, _x = _io.BytesIO(), _io.StringIO(), 0",
            "_o = _io.TextIOWrapper(_ob, encoding='utf-8', write_through=True)",
            "with _c.redirect_stdout(_o), _c.redirect_stderr(_e):",
            "    try:",
            "        exec(compile(_src, 'main.py', 'exec'), {'__name__': '__main__'})",
            "    except SystemExit as _z:",
            "        _x = _z.code if isinstance(_z.code, int) else (0 if _z.code is None else 1)",
            "    except BaseException:",
            "        _t.print_exc(); _x = 1",
            "_o.flush(); _out = _ob.getvalue().decode('utf-8', 'replace')",
            $"print(_j.dumps({{'stdout': _out[:{max}], 'stderr': _e.getvalue()[:{max}], 'exit': _x, 'truncated': len(_out) > {max}}}))",
            "");
    }

    /// <summary>Unguessable, never reused: a session identifier is a capability (whoever knows it can run code in it).</summary>
    private static string NewSessionId() => "archon-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
