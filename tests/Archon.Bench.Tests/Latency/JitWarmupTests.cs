using Archon.Bench.Latency;

namespace Archon.Bench.Tests.Latency;

public sealed class JitWarmupTests
{
    [Fact]
    public async Task RunAsync_CompilationFallsToTheSettledLevel_StopsAfterThatRun()
    {
        // Methods compiled during warm-up runs 1..4: 5,000, 900, 300, then 40 (settled).
        long[] perRun = [5_000, 900, 300, 40, 10];
        long compiled = 0;
        var runs = 0;

        var made = await JitWarmup.RunAsync(r => { compiled += perRun[r]; runs++; return Task.CompletedTask; }, maxRuns: 10, () => compiled);

        Assert.Equal(4, made);
        Assert.Equal(4, runs);
    }

    [Fact]
    public async Task RunAsync_NeverSettles_StopsAtTheMaximum()
    {
        long compiled = 0;

        var made = await JitWarmup.RunAsync(_ => { compiled += JitWarmup.SettledMethods + 1; return Task.CompletedTask; }, maxRuns: 3, () => compiled);

        Assert.Equal(3, made);
    }

    [Fact]
    public async Task RunAsync_MaximumOne_RunsOnceEvenWhileCompiling()
    {
        long compiled = 0;

        var made = await JitWarmup.RunAsync(_ => { compiled += 10_000; return Task.CompletedTask; }, maxRuns: 1, () => compiled);

        Assert.Equal(1, made);
    }

    [Fact]
    public async Task RunAsync_RealJit_RunsAtLeastOnce()
    {
        var made = await JitWarmup.RunAsync(_ => Task.CompletedTask, maxRuns: 5);

        Assert.InRange(made, 1, 5);
    }
}
