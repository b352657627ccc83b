using System.Collections.Concurrent;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Bounds concurrent evaluations and hands each one a slot number, which picks its uid: RLIMIT_NPROC counts processes
/// per uid, so a fork bomb in one slot cannot starve a concurrent evaluation of processes.
/// </summary>
internal sealed class SandboxSlots(int count) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(count, count);
    private readonly ConcurrentQueue<int> _free = new(Enumerable.Range(0, count));

    public async Task<Lease> TakeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        _free.TryDequeue(out var slot);
        return new Lease(this, slot);
    }

    public void Dispose() => _gate.Dispose();

    internal sealed class Lease(SandboxSlots owner, int slot) : IDisposable
    {
        public int Slot { get; } = slot;

        public void Dispose()
        {
            owner._free.Enqueue(Slot);
            owner._gate.Release();
        }
    }
}
