namespace Archon.TestSupport;

/// <summary>
/// Releases streamed tokens of a loopback model on the test's signal (no sleeps): each token waits for one permit.
/// <see cref="Open"/> lets every token through. <see cref="Waiting"/> completes when the first token is waited for,
/// i.e. the streamed call has reached the model.
/// </summary>
#pragma warning disable CA1001 // The semaphore holds no OS handle unless AvailableWaitHandle is used; gates live for one test.
public sealed class TokenGate
#pragma warning restore CA1001
{
    private readonly SemaphoreSlim _permits = new(0, int.MaxValue);
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _open;

    public Task Waiting => _waiting.Task;

    /// <summary>Completes when the model call waiting at the gate was cancelled (its HTTP request aborted).</summary>
    public Task Cancelled => _cancelled.Task;

    public void Release(int tokens) => _permits.Release(tokens);

    public void Open()
    {
        _open = true;
        _permits.Release(10_000);
    }

    public async Task BeforeTokenAsync(int index, CancellationToken cancellationToken)
    {
        _waiting.TrySetResult();
        if (_open)
        {
            return;
        }

        try
        {
            await _permits.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _cancelled.TrySetResult();
            throw;
        }
    }
}
