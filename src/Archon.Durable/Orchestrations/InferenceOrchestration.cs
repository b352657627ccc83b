using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Durable.Activities;
using Archon.Durable.Contracts;
using Archon.Core.Storage;
using Archon.Durable.Telemetry;
using Microsoft.DurableTask;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Architecture + conversation → answer. Each layer runs through the core <see cref="ArchitectureRunner"/> with a
/// <see cref="DurableModelCallScheduler"/>, so every model call of the layer is its own activity and they all run at
/// once; the layer's deterministic post-processing (ranking, filtering, critique alignment) runs in the orchestrator.
/// The trace goes to the result store (SaveTrace activity); the output carries answer, usage and the trace reference.
/// With <see cref="InferenceRequest.Choices"/> = n the architecture runs n times at once (fan-out); with a
/// <see cref="InferenceRequest.StreamId"/> the final call streams (<see cref="StreamingPlan"/>) and a
/// <see cref="ClientCancellation"/> event stops the run before its next layer.
/// </summary>
public sealed class InferenceOrchestration : TaskOrchestrator<InferenceRequest, InferenceResult>
{
    // Stateless and deterministic; one instance serves every replay.
    private static readonly ArchitectureRunner Runner = new();

    public override async Task<InferenceResult> RunAsync(TaskOrchestrationContext context, InferenceRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var started = context.CurrentUtcDateTime;
        var architecture = input.Architecture
            ?? await context.CallActivityAsync<ArchitectureConfig>(nameof(ResolveArchitectureActivity), input.ArchitectureName ?? "", DurableRetry.Activity);
        var errors = ArchitectureValidator.Validate(architecture, Runner.Registry.Types);
        if (errors.Count > 0)
        {
            throw new ArchonInputException($"architecture '{architecture.Name}': {string.Join("; ", errors)}");
        }

        var durable = new DurableModelCallScheduler(context);
        var budgeted = WithBudget(durable, input);
        var clientGone = input.StreamId is null ? null : context.WaitForExternalEvent<string>(ClientCancellation.EventName);
        var choices = Math.Max(1, input.Choices);
        var runs = await Task.WhenAll(Enumerable.Range(0, choices)
            .Select(choice => RunChoiceAsync(context, architecture, input, choice, choices, budgeted, durable, clientGone, started)));

        var layers = architecture.Layers.Count;
        var trace = runs.SelectMany(r => r.Trace).ToList();
        var totals = UsageTotals.From(trace);
        var answers = runs.Select(r => ArchitectureRunner.FinalAnswer(r.State)).ToList();
        var answer = answers[0];
        var cancelled = runs.Any(r => r.Cancelled);
        context.SetCustomStatus(new InferenceProgress(layers, layers, [], durable.CallsScheduled, "saving-trace"));
        var traceRef = await context.CallActivityAsync<BlobRef>(
            nameof(SaveTraceActivity), new SaveTraceRequest(context.InstanceId, architecture.Name, answer, totals, trace, runs[0].State), DurableRetry.Activity);
        context.SetCustomStatus(new InferenceProgress(layers, layers, [], durable.CallsScheduled, cancelled ? ClientCancellation.NoteKind : "completed"));
        if (!context.IsReplaying)
        {
            ArchonTelemetry.RecordOrchestration(nameof(InferenceOrchestration), context.InstanceId, totals, answer is not null, started, context.CurrentUtcDateTime);
        }

        var notes = runs.SelectMany((r, choice) => r.State.Notes.Select(n =>
            (choices > 1 ? $"choice {choice} " : "") + $"layer {n.Layer} component {n.Component} {n.Kind}: {n.Message}")).ToList();
        return new InferenceResult(answer, totals, traceRef, architecture.Name, layers, notes, choices > 1 ? answers : null, cancelled);
    }

    private static async Task<ChoiceRun> RunChoiceAsync(
        TaskOrchestrationContext context, ArchitectureConfig architecture, InferenceRequest input, int choice, int choices,
        IModelCallScheduler budgeted, DurableModelCallScheduler durable, Task<string>? clientGone, DateTime started)
    {
        var tracing = new TracingScheduler(budgeted);
        var calls = new CallRewritingScheduler(tracing, choice);
        var streamFinal = input.StreamId is not null && choices == 1 && StreamingPlan.FinalCallStreams(architecture);
        var state = QueryState.Start(input.Messages, input.ItemId);
        var layers = architecture.Layers.Count;
        for (var li = 0; li < layers; li++)
        {
            var types = architecture.Layers[li].Components.Select(c => c.Type).ToList();
            if (choice == 0)
            {
                context.SetCustomStatus(new InferenceProgress(li + 1, layers, types, durable.CallsScheduled, "running"));
            }

            calls.StreamTo = streamFinal && li == layers - 1 ? input.StreamId : null;
            var layerStart = context.CurrentUtcDateTime;
            var before = tracing.Trace.Count;
            var layer = Runner.RunLayerAsync(architecture, li, state, calls, CancellationToken.None);
            var gone = clientGone is not null && await Task.WhenAny(layer, clientGone) == clientGone;
            if (!gone && layer.IsCompletedSuccessfully && tracing.Trace.Skip(before).Any(e => e.Result.Error == StreamingModelCall.CancelledError))
            {
                // The relay's cancel reached the streamed call before the event reached us: same outcome.
                gone = true;
            }

            if (gone)
            {
                // Activities already running cannot be recalled (the streamed one stops through the relay): they are
                // awaited so the run ends with nothing outstanding and the trace records them, but their output is
                // dropped and no later layer runs. The note says so.
                await layer;
                var note = new ExecutionNote(li, -1, ClientCancellation.NoteKind,
                    $"the client disconnected during layer {li}: its calls in flight finished but their output was dropped; layers {li + 1}..{layers - 1} did not run");
                return new ChoiceRun(state with { Candidates = [], Notes = [.. state.Notes, note] }, ArchitectureRunner.OrderTrace(tracing.Trace), true);
            }

            state = await layer;
            var entries = tracing.Trace.Skip(before).ToList();
            var failed = entries.Where(e => !e.Result.Succeeded).ToList();
            if (!context.IsReplaying)
            {
                ArchonTelemetry.RecordLayer(context.InstanceId, li, types, entries.Count, failed.Count, layerStart, context.CurrentUtcDateTime);
            }

            if (entries.Count > 0 && failed.Count == entries.Count)
            {
                if (!context.IsReplaying)
                {
                    ArchonTelemetry.RecordOrchestration(nameof(InferenceOrchestration), context.InstanceId, UsageTotals.From(tracing.Trace), false, started, context.CurrentUtcDateTime);
                }

                throw new ModelCallsFailedException(li, failed);
            }
        }

        return new ChoiceRun(state, ArchitectureRunner.OrderTrace(tracing.Trace), false);
    }

    /// <summary>The core budget guard around the fan-out; deterministic, since prices come with the input.</summary>
    private static IModelCallScheduler WithBudget(IModelCallScheduler inner, InferenceRequest input)
    {
        if (input.Budget is null)
        {
            return inner;
        }

        var prices = input.Prices ?? new Dictionary<string, ModelPrice>();
        return new BudgetScheduler(inner, new BudgetGuard(input.Budget, model =>
            prices.TryGetValue(model, out var p) ? (p.InputPerMillion, p.OutputPerMillion) : (0m, 0m)));
    }

    private sealed record ChoiceRun(QueryState State, IReadOnlyList<TraceEntry> Trace, bool Cancelled);
}
