using Archon.Core.Execution;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.Core.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Runs one inference orchestration to completion on a host and rebuilds the in-process result shape
/// (<see cref="PipelineResult"/>) from the stored trace, so `archon run` prints the same output on either host.
/// </summary>
public static class DurableInference
{
    public static async Task<DurableRunOutcome> RunAsync(
        DurableTaskClient client, IResultStore store, InferenceRequest request, string instanceId, CancellationToken cancellationToken)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(InferenceOrchestration), request, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
        var done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            return new DurableRunOutcome(done.RuntimeStatus, null, done.FailureDetails?.ErrorMessage ?? done.RuntimeStatus.ToString(), null, done.FailureDetails?.ErrorType);
        }

        var output = done.ReadOutputAs<InferenceResult>()!;
        var saved = await store.GetJsonAsync<SaveTraceRequest>(output.Trace, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"trace {output.Trace} is missing from {store.Location}");
        var finalState = saved.FinalState ?? QueryState.Start(request.Messages, request.ItemId);
        return new DurableRunOutcome(done.RuntimeStatus, new PipelineResult(saved.Answer, finalState, saved.Trace, saved.Usage) { PromptPack = output.PromptPack }, null, output.Trace);
    }
}

/// <summary>Outcome of <see cref="DurableInference.RunAsync"/>: the result when completed, else the failure message.</summary>
public sealed record DurableRunOutcome(OrchestrationRuntimeStatus Status, PipelineResult? Result, string? Error, BlobRef? Trace, string? ErrorType = null)
{
    public bool BudgetExceeded => ErrorType?.EndsWith(nameof(BudgetExceededException), StringComparison.Ordinal) == true;
}
