using System.Collections.Concurrent;
using System.Globalization;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Evaluation.Statistics;

namespace Archon.Core.Evaluation.CodeContests;

/// <summary>
/// CodeContests scoring: the answer's Python program is run in the sandbox once per private test, with the test input
/// on stdin and a per-test limit of <c>time_limit × TimeLimitScale + StartupAllowance</c> (wall clock, the whole
/// process group is killed at the limit); its stdout must match the expected output by <see cref="OutputComparer"/>.
/// The first failing test ends the run. An item passes when every private test passes (pass@1); with several samples
/// per item <see cref="PassAtKAsync"/> gives the unbiased pass@k.
/// </summary>
public sealed class CodeContestsScorer : IScorer, IMetricNamed
{
    private readonly ConcurrentDictionary<(long, long), BubblewrapSandbox> _sandboxes = new();

    /// <summary>Multiplier on the problem's time limit (limits are set for C++; 1.0 = the published limit).</summary>
    public double TimeLimitScale { get; init; } = 1.0;

    /// <summary>Added to every test's limit for starting the isolated interpreter on a loaded machine.</summary>
    public TimeSpan StartupAllowance { get; init; } = TimeSpan.FromSeconds(1);

    public string Name => "code-contests private tests (stdin/stdout, token compare, 1e-6)";

    public string Metric => "pass@1";

    public async Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(item, answer, cancellationToken);
        return new ItemScore(item.Id, outcome.Passed ? 1 : 0, outcome.Scored, null, outcome.Detail);
    }

    /// <summary>Unbiased pass@k over n samples of one item (Chen et al. 2021): each sample is run on all private tests.</summary>
    public async Task<double> PassAtKAsync(BenchmarkItem item, IReadOnlyList<string?> samples, int k, CancellationToken cancellationToken)
    {
        var passed = 0;
        foreach (var s in samples)
        {
            if ((await RunAsync(item, s, cancellationToken)).Passed) { passed++; }
        }

        return PassAtK.Estimate(samples.Count, passed, k);
    }

    private async Task<(bool Passed, bool Scored, string Detail)> RunAsync(BenchmarkItem item, string? answer, CancellationToken ct)
    {
        var tests = CodeContestsLoader.TestsOf(item);
        if (tests.Count == 0) { return (false, false, "no private tests in the record"); }
        if (string.IsNullOrWhiteSpace(answer)) { return (false, true, "empty answer"); }
        var code = CodeExtractor.Extract(answer, null);
        var limit = double.Parse(item.Metadata.GetValueOrDefault(MetadataKeys.TimeLimitSeconds) ?? "2", CultureInfo.InvariantCulture);
        var memory = long.TryParse(item.Metadata.GetValueOrDefault(MetadataKeys.MemoryLimitBytes), CultureInfo.InvariantCulture, out var m) ? m : 1L << 30;
        var sandbox = SandboxFor(TimeSpan.FromSeconds(limit * TimeLimitScale) + StartupAllowance, memory);
        for (var i = 0; i < tests.Count; i++)
        {
            // The verdict (output comparison) is made here, outside the sandbox; the program only produces its stdout.
            var r = await sandbox.RunProgramAsync(new ProgramRun(code, tests[i].Input), ct);
            if (r.TimedOut) { return (false, true, $"test {i + 1}/{tests.Count}: time limit exceeded ({limit * TimeLimitScale:0.##} s + start-up)"); }
            if (r.ExitCode != 0) { return (false, true, $"test {i + 1}/{tests.Count}: runtime error (exit {r.ExitCode}): {LastLine(r.Stderr)}"); }
            if (r.OutputTruncated || !OutputComparer.Matches(r.Stdout, tests[i].Output)) { return (false, true, $"test {i + 1}/{tests.Count}: wrong answer"); }
        }

        return (true, true, $"passed {tests.Count}/{tests.Count} private tests");
    }

    private BubblewrapSandbox SandboxFor(TimeSpan wall, long memory)
    {
        // Contest memory limits are often 256 MiB; the sandbox needs at least 64 MiB of address space for Python itself.
        var mem = Math.Max(memory, 256L << 20);
        return _sandboxes.GetOrAdd(((long)wall.TotalMilliseconds, mem), key => new BubblewrapSandbox(new SandboxOptions
        {
            WallTimeout = TimeSpan.FromMilliseconds(key.Item1),
            CpuSeconds = Math.Max(1, (int)Math.Ceiling(key.Item1 / 1000.0)),
            MemoryBytes = key.Item2,
            MaxOutputChars = 8 << 20,
        }));
    }

    private static string LastLine(string s)
    {
        var lines = s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no error output)" : lines[^1];
    }
}
