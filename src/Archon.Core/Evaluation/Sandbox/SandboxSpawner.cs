using System.Collections.Concurrent;
using System.Diagnostics;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Starts sandbox processes from one dedicated thread that lives as long as the host. bubblewrap's
/// <c>--die-with-parent</c> is PR_SET_PDEATHSIG, which fires when the *thread* that forked it exits: started from a
/// thread-pool thread, a sandbox was killed (exit 137) whenever the pool retired that thread. From this thread the
/// sandbox dies exactly when the host dies, never before.
/// </summary>
internal static class SandboxSpawner
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Done)> Queue = new();

    static SandboxSpawner()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "archon-sandbox-spawner" };
        thread.Start();
    }

    public static Task<Process> StartAsync(ProcessStartInfo info)
    {
        var done = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((info, done));
        return done.Task;
    }

    private static void Run()
    {
        foreach (var (info, done) in Queue.GetConsumingEnumerable())
        {
            try
            {
                done.SetResult(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}."));
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                done.SetException(new SandboxUnavailableException($"Could not start {info.FileName}: {ex.Message}", ex));
            }
        }
    }
}
