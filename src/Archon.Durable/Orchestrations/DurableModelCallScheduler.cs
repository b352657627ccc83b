using Archon.Core.Execution;
using Archon.Durable.Activities;
using Archon.Durable.Contracts;
using Microsoft.DurableTask;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// <see cref="IModelCallScheduler"/> inside an orchestration: one <see cref="ModelCallActivity"/> per request, all
/// scheduled before any is awaited (fan-out), then <c>Task.WhenAll</c> (fan-in). Results keep request order. Earlier
/// answers quoted in a prompt travel as references (<see cref="PromptReferences"/>), so history holds each answer once.
/// </summary>
public sealed class DurableModelCallScheduler(TaskOrchestrationContext context) : IModelCallScheduler
{
    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);

    /// <summary>Calls scheduled so far by this orchestration (for the custom status).</summary>
    public int CallsScheduled { get; private set; }

    public async Task<IReadOnlyList<ModelCallResult>> RunAsync(IReadOnlyList<ModelCallRequest> calls, CancellationToken cancellationToken)
    {
        var tasks = new Task<ModelCallResult>[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            var (request, references) = PromptReferences.Compact(calls[i], _answers);
            tasks[i] = context.CallActivityAsync<ModelCallResult>(
                nameof(ModelCallActivity), new ModelCallWork(context.InstanceId, request, references), DurableRetry.Activity);
        }

        CallsScheduled += calls.Count;
        var results = await Task.WhenAll(tasks);
        foreach (var result in results.Where(r => r.Succeeded))
        {
            _answers[result.CallId] = result.Text!;
        }

        return results;
    }
}
