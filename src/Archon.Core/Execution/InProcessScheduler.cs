namespace Archon.Core.Execution;

/// <summary>Runs every call of a batch concurrently on the invoker; concurrency caps live in the provider stack.</summary>
public sealed class InProcessScheduler(IModelInvoker invoker) : IModelCallScheduler
{
    public async Task<IReadOnlyList<ModelCallResult>> RunAsync(IReadOnlyList<ModelCallRequest> calls, CancellationToken cancellationToken)
    {
        var tasks = new Task<ModelCallResult>[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            tasks[i] = invoker.InvokeAsync(calls[i], cancellationToken);
        }

        return await Task.WhenAll(tasks);
    }
}
