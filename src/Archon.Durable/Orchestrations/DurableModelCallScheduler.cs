using Archon.Core.Execution;
using Archon.Durable.Activities;
using Microsoft.DurableTask;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// <see cref="IModelCallScheduler"/> inside an orchestration: one <see cref="ModelCallActivity"/> per request, all
/// scheduled before any is awaited (fan-out), then <c>Task.WhenAll</c> (fan-in). Results keep request order.
/// </summary>
public sealed class DurableModelCallScheduler(TaskOrchestrationContext context) : IModelCallScheduler
{
    /// <summary>Calls scheduled so far by this orchestration (for the custom status).</summary>
    public int CallsScheduled { get; private set; }

    public async Task<IReadOnlyList<ModelCallResult>> RunAsync(IReadOnlyList<ModelCallRequest> calls, CancellationToken cancellationToken)
    {
        var tasks = new Task<ModelCallResult>[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            tasks[i] = context.CallActivityAsync<ModelCallResult>(nameof(ModelCallActivity), calls[i], DurableRetry.Activity);
        }

        CallsScheduled += calls.Count;
        return await Task.WhenAll(tasks);
    }
}
