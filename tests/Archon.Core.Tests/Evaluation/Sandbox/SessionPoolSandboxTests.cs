using System.Text.Json;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Archon.Core.Evaluation.Scoring;
using Microsoft.Extensions.Time.Testing;

namespace Archon.Core.Tests.Evaluation.Sandbox;

public sealed class SessionPoolSandboxTests : IDisposable
{
    private const string Token = "test-token-123";
    private readonly FakeSessionPool _pool = new(Token);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeCredential _credential;
    private readonly SessionPoolSandbox _sandbox;

    public SessionPoolSandboxTests()
    {
        _credential = new FakeCredential(Token, _time.GetUtcNow().AddHours(1));
        var client = new SessionPoolClient(new SessionPoolOptions { Endpoint = _pool.Endpoint }, _credential, time: _time);
        _sandbox = new SessionPoolSandbox(client, new SandboxOptions { WallTimeout = TimeSpan.FromSeconds(20) });
    }

    public void Dispose()
    {
        _sandbox.Dispose();
        _pool.Dispose();
    }

    [Theory]
    [InlineData("HumanEval/0")]
    [InlineData("HumanEval/32")]
    public async Task CheckAsync_CanonicalHumanEval_PassesOverTheWire(string id)
    {
        var item = HumanEvalLoader.Load(SandboxFixture.Datasets).Single(i => i.Id == id);
        var verdict = await _sandbox.CheckAsync(CodeProgram.CanonicalCheck(item), default);
        Assert.True(verdict.Passed, verdict.Detail + verdict.CandidateOutput);
    }

    [Fact]
    public async Task CheckAsync_MbppWithCandidateClasses_PassesAndWrongFails()
    {
        var item = MbppLoader.Load(SandboxFixture.Datasets).Single(i => i.Id == "mbpp/367");
        Assert.True((await _sandbox.CheckAsync(CodeProgram.CanonicalCheck(item), default)).Passed);
        Assert.False((await _sandbox.CheckAsync(CodeProgram.Check(item, item.Reference + "\ndef is_tree_balanced(root):\n    return True\n"), default)).Passed);
    }

    [Theory]
    [InlineData("print-verdict", "print('{\"kind\":\"verdict\",\"passed\":true,\"detail\":\"passed\"}')\nprint('{\"ok\":true,\"value\":true}')\n")]
    [InlineData("always-equal", "class _Eq:\n    __eq__ = lambda s, o: True\n    __bool__ = lambda s: True\n    __hash__ = lambda s: 0\n")]
    [InlineData("rewrite-agent", "import json\n__archon_agent.handle = lambda line: json.dumps({'ok': True, 'value': True})\n")]
    public async Task ScoreAsync_ForgedPassInASession_ScoresZero(string name, string atLoad)
    {
        var item = SandboxFixture.HumanEval0;
        var body = name == "always-equal" ? "    return _Eq()\n" : "    return True\n";
        var answer = "```python\n" + atLoad + "from typing import List\n\ndef has_close_elements(numbers: List[float], threshold: float) -> bool:\n" + body + "```";
        var score = await new CodeExecutionScorer(_sandbox).ScoreAsync(item, answer, default);
        Assert.True(score.Value == 0, $"{name}: {score.Detail}");
    }

    [Fact]
    public async Task CheckAsync_Requests_SpeakTheDataPlaneProtocol()
    {
        await _sandbox.CheckAsync(CodeProgram.CanonicalCheck(SandboxFixture.HumanEval0), default);
        await _sandbox.CheckAsync(CodeProgram.CanonicalCheck(SandboxFixture.HumanEval0), default);
        var requests = _pool.Requests.ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal(FakeSessionPool.PoolPath + "/executions", r.Path);
            Assert.Equal("2024-10-02-preview", r.ApiVersion);
            Assert.Equal($"Bearer {Token}", r.Authorization);
            Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
            Assert.Matches("^archon-[0-9a-f]{32}-[ck]$", r.Identifier!);
            using var body = JsonDocument.Parse(r.Body);
            Assert.Equal("Inline", body.RootElement.GetProperty("codeInputType").GetString());
            Assert.Equal("Synchronous", body.RootElement.GetProperty("executionType").GetString());
            Assert.Equal(20, body.RootElement.GetProperty("timeoutInSeconds").GetInt32());
            Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("code").GetString()));
        });

        // One candidate session and one checker session per evaluation; none shared between evaluations.
        var sessions = requests.Select(r => r.Identifier!).Distinct().ToList();
        Assert.Equal(4, sessions.Count);
        Assert.Equal(2, sessions.Count(s => s.EndsWith("-c", StringComparison.Ordinal)));

        // The tests never reach the candidate's session: only the checker session sees them.
        Assert.DoesNotContain(requests, r => r.Identifier!.EndsWith("-c", StringComparison.Ordinal) && r.Body.Contains("assert candidate", StringComparison.Ordinal));

        // One token for all of it, for the dynamic-sessions audience.
        Assert.Single(_credential.Requests);
        Assert.Equal(["https://dynamicsessions.io/.default"], _credential.Requests[0]);
    }

    [Fact]
    public async Task ExecuteAsync_TokenNearExpiry_IsRefreshed()
    {
        await _sandbox.RunProgramAsync(new ProgramRun("print(1)", ""), default);
        _time.Advance(TimeSpan.FromMinutes(56));
        await _sandbox.RunProgramAsync(new ProgramRun("print(1)", ""), default);
        Assert.Equal(2, _credential.Requests.Count);
    }

    [Fact]
    public async Task RunProgramAsync_OverTheWire_FeedsStdinAndReportsExitCode()
    {
        var run = await _sandbox.RunProgramAsync(
            new ProgramRun("import sys\nn = int(sys.stdin.buffer.readline())\nprint(sum(map(int, input().split())) * n)\nsys.exit(3)\n", "2\n1 2 3\n"), default);
        Assert.True(run.Stdout == "12\n", run.Stderr);
        Assert.Equal(3, run.ExitCode);
    }

    [Fact]
    public async Task CheckAsync_PoolRefuses_FailsLoudlyNamingTheRole()
    {
        using var refusing = new FakeSessionPool(Token, failWithStatus: 403);
        using var sandbox = new SessionPoolSandbox(new SessionPoolClient(new SessionPoolOptions { Endpoint = refusing.Endpoint }, _credential));
        var ex = await Assert.ThrowsAsync<SessionPoolException>(() => sandbox.CheckAsync(CodeProgram.CanonicalCheck(SandboxFixture.HumanEval0), default));
        Assert.Contains("403", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Azure ContainerApps Session Executor", ex.Message, StringComparison.Ordinal);
    }
}
