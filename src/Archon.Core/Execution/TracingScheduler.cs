namespace Archon.Core.Execution;

/// <summary>
/// Records every call and its result, in request order per batch. Orchestration-safe: it only awaits the inner
/// scheduler and appends to a list, so a durable replay rebuilds the same trace.
/// </summary>
public sealed class TracingScheduler(IModelCallScheduler inner) : IModelCallScheduler
{
    private readonly List<TraceEntry> trace = [];
    private readonly Lock gate = new();

    public IReadOnlyList<TraceEntry> Trace
    {
        get
        {
            lock (gate)
            {
                return trace.ToList();
            }
        }
    }

    /// <summary>Calls recorded so far.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return trace.Count;
            }
        }
    }

    public async Task<IReadOnlyList<ModelCallResult>> RunAsync(IReadOnlyList<ModelCallRequest> calls, CancellationToken cancellationToken)
    {
        var results = await inner.RunAsync(calls, cancellationToken);
        lock (gate)
        {
            for (var i = 0; i < calls.Count; i++)
            {
                trace.Add(new TraceEntry(calls[i], results[i]));
            }
        }

        return results;
    }
}
