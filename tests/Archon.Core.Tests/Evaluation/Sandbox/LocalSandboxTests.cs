using System.Diagnostics;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Archon.Core.Evaluation.Scoring;
using Xunit.Abstractions;

namespace Archon.Core.Tests.Evaluation.Sandbox;

public sealed class LocalSandboxTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunCanonical_AllHumanEvalMbppAndBuiltin_Pass()
    {
        // Product limits, except a longer wall clock: this machine is shared, and mbpp/123 alone needs 5.7 s of CPU.
        using var sandbox = new BubblewrapSandbox(new SandboxOptions { WallTimeout = TimeSpan.FromSeconds(40) });
        var items = HumanEvalLoader.Load(SandboxFixture.Datasets).Concat(MbppLoader.Load(SandboxFixture.Datasets))
            .Concat(BuiltinBenchmark.Generate(7).Where(i => i.Family == "builtin-code")).ToList();
        var scorer = new CodeExecutionScorer(sandbox);
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(items.Select(async i => (i.Id, Result: await scorer.RunCanonicalAsync(i, default))));
        output.WriteLine($"{items.Count} canonical checks in {watch.Elapsed.TotalSeconds:F1} s; isolation: {sandbox.Isolation}");
        var failed = results.Where(r => !r.Result.Passed).Select(r => $"{r.Id}: {r.Result.Detail} {r.Result.CandidateOutput}").ToList();
        Assert.Equal(131 + 500 + BuiltinBenchmark.DefaultCodeCount, items.Count);
        Assert.True(failed.Count == 0, string.Join("\n", failed.Take(10)));
    }

    [Fact]
    public async Task ScoreAsync_RightAnswer_ScoresOne()
    {
        var item = SandboxFixture.HumanEval0;
        var answer = "Here is my solution:\n```python\nfrom typing import List\n\ndef has_close_elements(numbers: List[float], threshold: float) -> bool:\n"
            + item.Reference + "```\nIt compares all pairs.";
        var score = await new CodeExecutionScorer(SandboxFixture.Local).ScoreAsync(item, answer, default);
        Assert.Equal(1, score.Value);
        Assert.Equal("passed", score.Detail);
    }

    [Theory]
    [InlineData("    return False\n", "AssertionError")]
    [InlineData("    return not any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])\n", "AssertionError")]
    [InlineData("    raise ValueError('nope')\n", "ValueError: nope")]
    [InlineData("    return undefined_name\n", "NameError")]
    public async Task ScoreAsync_WrongAnswer_ScoresZeroWithReason(string body, string reason)
    {
        var score = await new CodeExecutionScorer(SandboxFixture.Local).ScoreAsync(SandboxFixture.HumanEval0, "```python\n" + body + "```", default);
        Assert.Equal(0, score.Value);
        Assert.True(score.Detail!.Contains(reason, StringComparison.Ordinal), score.Detail);
    }

    [Fact]
    public async Task CheckAsync_MbppClassFromSetupCode_PassesThroughReferences()
    {
        // Task 367's setup builds a tree of the solution's Node class: objects that live in the candidate's interpreter.
        var item = MbppLoader.Load(SandboxFixture.Datasets).Single(i => i.Id == "mbpp/367");
        var verdict = await SandboxFixture.Local.CheckAsync(CodeProgram.CanonicalCheck(item), default);
        Assert.True(verdict.Passed, verdict.Detail);
        var wrong = await SandboxFixture.Local.CheckAsync(CodeProgram.Check(item, item.Reference + "\ndef is_tree_balanced(root):\n    return True\n"), default);
        Assert.False(wrong.Passed);
    }

    [Fact]
    public async Task RunProgramAsync_EchoesStdinAndReportsExitCode()
    {
        var run = await SandboxFixture.Local.RunProgramAsync(
            new ProgramRun("import sys\nn = int(sys.stdin.buffer.readline())\nprint(sum(map(int, input().split())) * n)\nsys.exit(3)\n", "2\n1 2 3\n"), default);
        Assert.True(run.Stdout == "12\n", run.Stderr);
        Assert.Equal(3, run.ExitCode);
        Assert.False(run.TimedOut);
    }

    [Fact]
    public async Task CheckAsync_CpuBoundCandidate_FailsNamingTheCpuLimit()
    {
        // A wall clock far above the CPU limit, so the CPU limit is what ends it however loaded the machine is.
        using var sandbox = new BubblewrapSandbox(new SandboxOptions { CpuSeconds = 1, WallTimeout = TimeSpan.FromSeconds(120) });
        var body = "    while True:\n        pass\n";
        var verdict = await sandbox.CheckAsync(CodeProgram.Check(SandboxFixture.HumanEval0, body), default);
        Assert.False(verdict.Passed);
        Assert.False(verdict.TimedOut);
        Assert.True(verdict.Detail.Contains("CPU limit of 1 s reached", StringComparison.Ordinal), verdict.Detail);
    }

    [Fact]
    public async Task RunProgramAsync_CpuBoundProgram_EndsNamingTheCpuLimit()
    {
        using var sandbox = new BubblewrapSandbox(new SandboxOptions { CpuSeconds = 1, WallTimeout = TimeSpan.FromSeconds(120) });
        var run = await sandbox.RunProgramAsync(new ProgramRun("while True:\n    pass\n", ""), default);
        Assert.False(run.TimedOut);
        Assert.NotEqual(0, run.ExitCode);
        Assert.True(run.Stderr.Contains("CPU limit of 1 s reached", StringComparison.Ordinal), run.Stderr);
    }

    [Fact]
    public async Task RunProgramAsync_Sleeper_TimesOut()
    {
        var run = await SandboxFixture.Local.RunProgramAsync(new ProgramRun("import time\ntime.sleep(60)\n", "", TimeSpan.FromSeconds(1)), default);
        Assert.True(run.TimedOut);
        Assert.Equal(-1, run.ExitCode);
    }

    [Fact]
    public async Task RunProgramAsync_HugeOutput_IsCappedAndFlagged()
    {
        var run = await SandboxFixture.Local.RunProgramAsync(new ProgramRun("print('x' * 10_000_000)\n", ""), default);
        Assert.True(run.OutputTruncated);
        Assert.Equal(16_384, run.Stdout.Length);
    }

    [Fact]
    public async Task RunProgramAsync_WorkDir_IsWritableAndPrivate()
    {
        var run = await SandboxFixture.Local.RunProgramAsync(new ProgramRun("import os\nopen('x.txt', 'w').write('hi')\nprint(open('x.txt').read(), os.getcwd(), os.getuid())\n", ""), default);
        Assert.StartsWith("hi /sandbox ", run.Stdout, StringComparison.Ordinal);
        if (Environment.IsPrivilegedProcess)
        {
            Assert.InRange(int.Parse(run.Stdout.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture), 65534 - Environment.ProcessorCount, 65534);
        }
    }

    [Fact]
    public async Task Probe_MissingBubblewrap_RefusesNamingThePackage()
    {
        using var sandbox = new BubblewrapSandbox(new SandboxOptions { Bubblewrap = "bwrap-not-installed-here" });
        var ex = await Assert.ThrowsAsync<SandboxUnavailableException>(() => sandbox.CheckAsync(CodeProgram.CanonicalCheck(SandboxFixture.HumanEval0), default));
        Assert.Contains("apt-get install bubblewrap", ex.Message, StringComparison.Ordinal);
        Assert.Contains("never run unsandboxed", ex.Message, StringComparison.Ordinal);
    }
}
