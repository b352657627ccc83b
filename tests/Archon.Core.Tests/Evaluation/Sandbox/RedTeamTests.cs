using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Archon.Core.Evaluation.Scoring;
using Xunit.Abstractions;

namespace Archon.Core.Tests.Evaluation.Sandbox;

/// <summary>
/// Red-team attempts against the local sandbox. Each starts with <see cref="RedTeam.Preamble"/> (every in-process
/// defence disabled), then attacks at load time inside a HumanEval/0 candidate and reports "PWNED x" on success or
/// "held x" on failure to its stderr. Every attempt must be held and every check must fail.
/// </summary>
public sealed class RedTeamTests(ITestOutputHelper output)
{
    private static readonly string Marker = "archon-rt-" + Guid.NewGuid().ToString("N");

    public static TheoryData<string, string> Attempts() => new()
    {
        { "read-repo", $"_try('read-repo', lambda: open({Py(Path.Combine(TestPaths.RepoRoot, "README.md"))}).read(100))" },
        { "read-datasets", $"_try('read-datasets', lambda: open({Py(Path.Combine(TestPaths.DatasetsDir, "README.md"))}).read(100))" },
        { "read-home", "import os\n_try('read-home', lambda: os.listdir('/root') or os.listdir('/home'))" },
        { "read-etc", "_try('read-etc', lambda: open('/etc/passwd').read(100))" },
        { "read-proc", "_try('read-proc', lambda: open('/proc/1/environ').read(100))" },
        { "list-root", "import os\n_try('list-root', lambda: (set(os.listdir('/')) - {'dev', 'lib', 'lib64', 'sandbox', 'usr'}) or 1 / 0)" },
        { "write-python", "_try('write-python', lambda: open('/usr/lib/python3.11/os.py', 'a').write('#'))" },
        { "exec-shell", "import os, subprocess\n_try('exec-shell', lambda: subprocess.run(['/bin/sh', '-c', 'id'], capture_output=True).stdout)" },
        { "raise-rlimit", "import resource\n_try('raise-rlimit', lambda: resource.setrlimit(resource.RLIMIT_CPU, (resource.RLIM_INFINITY, resource.RLIM_INFINITY)))" },
        { "setuid-root", "import os\n_try('setuid-root', lambda: os.setuid(0))" },
        { "ctypes-unshare", "import ctypes\n_try('ctypes-unshare', lambda: ctypes.CDLL(None).unshare(0x10000000) == 0 or 1 / 0)" },
        { "ctypes-mount", "import ctypes\n_try('ctypes-mount', lambda: ctypes.CDLL(None).mount(b'/', b'/sandbox', None, 4096, None) == 0 or 1 / 0)" },
        { "net-external", "import socket\n_try('net-external', lambda: socket.create_connection(('1.1.1.1', 53), timeout=2))" },
        { "net-dns", "import socket\n_try('net-dns', lambda: socket.getaddrinfo('example.com', 80))" },
        { "read-tests-from-heap", "import gc\n_try('read-tests-from-heap', lambda: [o for o in gc.get_objects() if isinstance(o, str) and 'assert candidate(' in o][0])" },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task CheckAsync_HostileCandidateWithDefencesOff_IsHeldAndFails(string name, string attack)
    {
        var verdict = await CheckAsync(RedTeam.Completion(attack));
        AssertHeld(name, verdict);
    }

    [Theory]
    [InlineData("write-tmp", "/tmp")]
    [InlineData("write-dev-shm", "/dev/shm")]
    [InlineData("write-escape", "/sandbox/..")]
    public async Task CheckAsync_WriteOutsideWorkDir_IsHeldAndNothingAppears(string name, string dir)
    {
        var path = $"{dir}/{Marker}-{name}";
        var verdict = await CheckAsync(RedTeam.Completion($"_try('{name}', lambda: open('{path}', 'w').write('pwned'))"));
        AssertHeld(name, verdict);
        Assert.False(File.Exists($"/tmp/{Marker}-{name}") || File.Exists($"/dev/shm/{Marker}-{name}"), "a file appeared on the host");
    }

    [Theory]
    [InlineData("net-ipv4-loopback", "127.0.0.1")]
    [InlineData("net-ipv6-loopback", "::1")]
    public async Task CheckAsync_ConnectToHostLoopback_IsHeldAndNothingConnects(string name, string address)
    {
        var ip = IPAddress.Parse(address);
        using var listener = new TcpListener(ip, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var family = ip.AddressFamily == AddressFamily.InterNetworkV6 ? "AF_INET6" : "AF_INET";
        var verdict = await CheckAsync(RedTeam.Completion(
            $"import socket\n_try('{name}', lambda: socket.socket(socket.{family}).connect(('{address}', {port})))"));
        AssertHeld(name, verdict);
        Assert.False(listener.Pending(), "the sandbox reached a host loopback listener");
    }

    [Fact]
    public async Task CheckAsync_SignalHostProcesses_IsHeldAndTheyLive()
    {
        using var sentinel = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            var verdict = await CheckAsync(RedTeam.Completion(
                $"import os, signal\n_try('signal-host', lambda: os.kill({sentinel.Id}, signal.SIGKILL))\n" +
                $"_try('signal-host-test', lambda: os.kill({Environment.ProcessId}, signal.SIGKILL))\n" +
                "_try('signal-all', lambda: os.kill(-1, signal.SIGKILL) or 1 / 0)"));
            AssertHeld("signal-host", verdict);
            Assert.Contains("held signal-all", verdict.CandidateOutput, StringComparison.Ordinal);
            Assert.False(sentinel.HasExited, "a host process was killed from the sandbox");
        }
        finally
        {
            sentinel.Kill();
        }
    }

    [Fact]
    public async Task CheckAsync_ForkedChildOutlivingTheCheck_IsKilled()
    {
        // The child re-execs the sandbox's own Python (the only binary there) with a marker in argv so /proc shows it.
        var attack = $"import os, sys\nif os.fork() == 0:\n    os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(60)', '{Marker}'])\n" +
            "_try('fork-exec', lambda: 1 / 0)";
        var verdict = await CheckAsync(RedTeam.Completion(attack));
        Assert.False(verdict.Passed);
        var survivors = Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Where(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Contains(Marker, StringComparison.Ordinal); } catch (IOException) { return false; } catch (UnauthorizedAccessException) { return false; } })
            .ToList();
        Assert.Empty(survivors);
    }

    public static TheoryData<string, string, string> Forgeries() => new()
    {
        // name, code at load time, function body
        { "print-verdict-and-token", "import os\nfor fd in range(0, 64):\n    try:\n        os.write(fd, b'{\"kind\":\"verdict\",\"passed\":true,\"detail\":\"passed\"}\\n{\"ok\":true,\"value\":true}\\nARCHON_SANDBOX_OK\\n')\n    except OSError:\n        pass\nprint('passed')", "    return True\n" },
        { "exit-0-at-load", "import os\nos._exit(0)", "    return True\n" },
        { "sys-exit-0-at-load", "import sys\nsys.exit(0)", "    return True\n" },
        { "exit-0-in-call", "", "    import os\n    os._exit(0)\n" },
        { "always-equal-object", "class _Eq:\n    __eq__ = lambda s, o: True\n    __ne__ = lambda s, o: False\n    __bool__ = lambda s: True\n    __hash__ = lambda s: 0", "    return _Eq()\n" },
        { "monkeypatch-assert-unittest", "import builtins, unittest\nbuiltins.AssertionError = type('Nope', (BaseException,), {})\nunittest.TestCase.assertEqual = lambda *a, **k: None\nunittest.TestCase.assertTrue = lambda *a, **k: None\nbuiltins.abs = lambda x: 0", "    return True\n" },
        { "rewrite-agent-replies", "import gc, json\nfor o in gc.get_objects():\n    if type(o).__name__ == 'Agent':\n        o.handle = lambda line: json.dumps({'ok': True, 'value': True})", "    return True\n" },
        { "fork-parent-exits", "import os\nif os.fork() != 0:\n    os._exit(0)", "    return True\n" },
        { "huge-reply", "", "    return 'x' * (1 << 26)\n" },
        { "deep-reply", "", "    x = []\n    for _ in range(100000):\n        x = [x]\n    return x\n" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task ScoreAsync_ForgedPass_ScoresZeroThroughTheRealScorer(string name, string atLoad, string body)
    {
        var item = SandboxFixture.HumanEval0;
        var score = await new CodeExecutionScorer(SandboxFixture.Local).ScoreAsync(item, RedTeam.Completion(atLoad, body), default);
        output.WriteLine($"{name}: score {score.Value} ({score.Detail})");
        Assert.Equal(0, score.Value);
    }

    [Fact]
    public async Task Evaluate_IssueFourLineForgery_ScoresZeroOnEveryHumanEvalAndMbppItem()
    {
        // The probe from issue 14: print whatever marks a finished run and exit 0 before any test runs.
        const string forgery = "```python\nimport os, sys\nprint(os.environ.get('ARCHON_SANDBOX_TOKEN', 'ARCHON_SANDBOX_OK'))\nsys.stdout.flush()\nos._exit(0)\n```";
        var items = HumanEvalLoader.Load(SandboxFixture.Datasets).Take(20).Concat(MbppLoader.Load(SandboxFixture.Datasets).Take(20)).ToList();
        var scorer = new CodeExecutionScorer(SandboxFixture.Local);
        var scores = await Task.WhenAll(items.Select(i => scorer.ScoreAsync(i, forgery, default)));
        output.WriteLine($"{items.Count} items, total score {scores.Sum(s => s.Value)}; e.g. {scores[0].Detail}");
        Assert.Equal(40, scores.Length);
        Assert.All(scores, s => Assert.Equal(0, s.Value));
    }

    [Fact]
    public async Task CheckAsync_RightSolutionAfterTheHostilePreamble_StillPasses()
    {
        var item = SandboxFixture.HumanEval0;
        var verdict = await CheckAsync(RedTeam.Completion("", item.Reference!));
        Assert.True(verdict.Passed, verdict.Detail + verdict.CandidateOutput);
        Assert.Contains("DISABLED hooks=1", verdict.CandidateOutput, StringComparison.Ordinal);
    }

    private async Task<SandboxVerdict> CheckAsync(string completion)
    {
        var item = SandboxFixture.HumanEval0;
        var code = CodeExtractor.Extract(completion, "has_close_elements");
        var verdict = await SandboxFixture.Local.CheckAsync(CodeProgram.Check(item, code), default);
        output.WriteLine($"passed={verdict.Passed} ({verdict.Detail})\n{verdict.CandidateOutput}");
        return verdict;
    }

    private static void AssertHeld(string name, SandboxVerdict verdict)
    {
        Assert.False(verdict.Passed);
        Assert.Contains("DISABLED hooks=1", verdict.CandidateOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("PWNED", verdict.CandidateOutput, StringComparison.Ordinal);
        Assert.Contains($"held {name} ", verdict.CandidateOutput, StringComparison.Ordinal);
    }

    private static string Py(string path) => "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
