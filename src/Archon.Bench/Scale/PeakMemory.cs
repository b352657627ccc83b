using System.Diagnostics;

namespace Archon.Bench.Scale;

/// <summary>
/// Samples the managed heap every 50 ms while a bench runs (the GC's own peak is not exposed) and reads the process's
/// peak resident set from the OS at the end (Linux VmHWM through <see cref="Process.PeakWorkingSet64"/>).
/// </summary>
public sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakManaged;

    public PeakMemory() => _loop = SampleAsync();

    public double PeakManagedMb => Interlocked.Read(ref _peakManaged) / 1048576.0;

    public static double PeakRssMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1048576.0;
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            do
            {
                var heap = GC.GetTotalMemory(forceFullCollection: false);
                if (heap > Interlocked.Read(ref _peakManaged))
                {
                    Interlocked.Exchange(ref _peakManaged, heap);
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopped by DisposeAsync.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
