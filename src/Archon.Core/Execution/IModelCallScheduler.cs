namespace Archon.Core.Execution;

/// <summary>
/// Runs a batch of model calls concurrently and returns results in request order.
/// Components await only this: in process it fans out to an <see cref="IModelInvoker"/>; inside a durable
/// orchestration it fans out model-call activities. Component code must therefore stay orchestration-safe:
/// no clocks, randomness, I/O, Task.Run/Task.Delay or ConfigureAwait(false).
/// </summary>
public interface IModelCallScheduler
{
    Task<IReadOnlyList<ModelCallResult>> RunAsync(IReadOnlyList<ModelCallRequest> calls, CancellationToken cancellationToken);
}
