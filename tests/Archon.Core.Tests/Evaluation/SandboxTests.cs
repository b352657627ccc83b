using System.Diagnostics;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Archon.Core.Evaluation.Scoring;
using Xunit.Abstractions;

namespace Archon.Core.Tests.Evaluation;

public sealed class SandboxTests(ITestOutputHelper output)
{
    // Mutations use a short CPU budget to keep the suite fast; canonical runs use the product defaults.
    private static readonly PythonSandbox Sandbox = new(new SandboxOptions { CpuSeconds = 2, WallTimeout = TimeSpan.FromSeconds(6) });
    private static readonly PythonSandbox DefaultSandbox = new();
    private static readonly DatasetDirectory Datasets = new(TestPaths.DatasetsDir);

    [Fact]
    public async Task RunCanonical_AllHumanEvalMbppAndBuiltin_Pass()
    {
        var items = HumanEvalLoader.Load(Datasets).Concat(MbppLoader.Load(Datasets))
            .Concat(BuiltinBenchmark.Generate(7).Where(i => i.Family == "builtin-code")).ToList();
        var scorer = new CodeExecutionScorer(DefaultSandbox);
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(items.Select(async i => (i.Id, Result: await scorer.RunCanonicalAsync(i, default))));
        output.WriteLine($"{items.Count} canonical programs in {watch.Elapsed.TotalSeconds:F1} s; isolation: {DefaultSandbox.Isolation}");
        var failed = results.Where(r => !r.Result.Passed).Select(r => $"{r.Id}: {r.Result.Stderr}").ToList();
        Assert.Equal(131 + 500 + BuiltinBenchmark.DefaultCodeCount, items.Count);
        Assert.True(failed.Count == 0, string.Join("\n", failed.Take(10)));
    }

    public static TheoryData<string, string> Mutations() => new()
    {
        // name → replacement for the canonical body of HumanEval/0 (has_close_elements)
        { "off-by-one", "    for i in range(len(numbers) - 1):\n        for j in range(i + 1, len(numbers) - 1):\n            if abs(numbers[i] - numbers[j]) < threshold:\n                return True\n    return False\n" },
        { "wrong-return", "    return False\n" },
        { "infinite-loop", "    while True:\n        pass\n" },
        { "huge-allocation", "    x = [0] * (10 ** 10)\n    return bool(x)\n" },
        { "fork-bomb", "    import os\n    while True:\n        os.fork()\n" },
        { "subprocess", "    import subprocess\n    subprocess.run(['sh', '-c', 'echo pwned > /tmp/archon-sbx-pwned'])\n    return True\n" },
        { "read-etc-passwd", "    open('/etc/passwd').read()\n    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])\n" },
        { "read-relative-escape", "    open('../../etc/hostname').read()\n    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])\n" },
        { "list-root", "    import os\n    os.listdir('/')\n    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])\n" },
        { "socket", "    import socket\n    socket.create_connection(('127.0.0.1', 80), timeout=1)\n    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])\n" },
        { "ctypes", "    import ctypes\n    ctypes.CDLL(None).system(b'true')\n    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])\n" },
        { "early-exit", "    import os\n    os._exit(0)\n" },
        { "big-file", "    with open('big.bin', 'wb') as f:\n        f.write(b'0' * (64 << 20))\n    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])\n" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task ScoreAsync_MutatedSolution_FailsOrIsContained(string name, string body)
    {
        var item = HumanEvalLoader.Load(Datasets).Single(i => i.Id == "HumanEval/0");
        var watch = Stopwatch.StartNew();
        var result = await Sandbox.RunAsync(CodeProgram.Build(item, body), default);
        output.WriteLine($"{name}: passed={result.Passed} exit={result.ExitCode} timedOut={result.TimedOut} {watch.ElapsedMilliseconds} ms\n{result.Stderr[^Math.Min(400, result.Stderr.Length)..]}");
        Assert.False(result.Passed, $"{name} passed the tests");
        Assert.False(File.Exists("/tmp/archon-sbx-pwned"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{name} was not contained in time");
    }

    [Fact]
    public async Task RunAsync_ReadProcNetDev_Denied()
    {
        var result = await Sandbox.RunAsync("print(open('/proc/net/dev').read())", default);
        Assert.False(result.Passed);
        Assert.Contains("denied", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WorkDirWrites_AllowedAndCleanedUp()
    {
        var result = await Sandbox.RunAsync("import os\nopen('x.txt', 'w').write('hi')\nprint(open('x.txt').read(), os.getcwd())", default);
        Assert.True(result.Passed, result.Stderr);
        var dir = result.Stdout.Split(' ', '\n').First(s => s.Contains("archon-sbx-", StringComparison.Ordinal)).Trim();
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task ScoreAsync_ChatAnswerWithFencedFunction_Passes()
    {
        var item = HumanEvalLoader.Load(Datasets).Single(i => i.Id == "HumanEval/0");
        var answer = "Here is my solution:\n```python\nfrom typing import List\n\ndef has_close_elements(numbers: List[float], threshold: float) -> bool:\n"
            + item.Reference + "```\nIt compares all pairs.";
        var score = await new CodeExecutionScorer(Sandbox).ScoreAsync(item, answer, default);
        Assert.True(score.Correct, score.Detail);
    }
}
