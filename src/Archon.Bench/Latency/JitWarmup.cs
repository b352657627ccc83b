using System.Runtime;

namespace Archon.Bench.Latency;

/// <summary>
/// Warm-up until the JIT has settled: a freshly started process compiles each hot method twice (quick first, then
/// optimised once it has been called often enough), on a background thread that shares the cores with the system
/// under test. A long-running host has long finished that, so a bench that measures after one warm-up run measures
/// start-up JIT as much as the system (on 2 cores, a quarter of the CPU of the 2,001-call durable run). Warm-up runs
/// go on until one compiles at most <see cref="SettledMethods"/> methods, or <c>maxRuns</c> have run.
/// </summary>
public static class JitWarmup
{
    /// <summary>Methods a warm-up run may still compile and count as settled.</summary>
    public const int SettledMethods = 100;

    /// <summary>
    /// Runs <paramref name="run"/> (given the warm-up index) at least once and at most <paramref name="maxRuns"/> times;
    /// returns the runs made.
    /// </summary>
    /// <param name="compiledMethods">Methods compiled so far in the process (default: <see cref="JitInfo.GetCompiledMethodCount"/>).</param>
    public static async Task<int> RunAsync(Func<int, Task> run, int maxRuns, Func<long>? compiledMethods = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRuns, 1);
        compiledMethods ??= () => JitInfo.GetCompiledMethodCount(currentThread: false);
        var runs = 0;
        while (runs < maxRuns)
        {
            var before = compiledMethods();
            await run(runs).ConfigureAwait(false);
            runs++;
            if (compiledMethods() - before <= SettledMethods)
            {
                break;
            }
        }

        return runs;
    }
}
