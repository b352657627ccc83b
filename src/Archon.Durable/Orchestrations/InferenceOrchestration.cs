using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Durable.Activities;
using Archon.Durable.Contracts;
using Archon.Core.Storage;
using Archon.Durable.Telemetry;
using Microsoft.DurableTask;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Architecture + conversation → answer. The core <see cref="ArchitectureRunner"/>'s loop runs the layers with a
/// <see cref="DurableModelCallScheduler"/>, so every model call of a layer is its own activity and they all run at once;
/// the layer's deterministic post-processing (ranking, filtering, critique alignment) runs in the orchestrator. Hooks
/// set the custom status and record telemetry per layer; a layer whose every call failed fails the orchestration.
/// Each model-call activity stores its trace entry; SaveTrace assembles them from their ids. History holds each answer
/// once (prompts quote earlier answers by reference); the output carries answer, usage and the trace reference.
/// With <see cref="InferenceRequest.Choices"/> = n the architecture runs n times at once (fan-out); with a
/// <see cref="InferenceRequest.StreamId"/> the final call streams (<see cref="StreamingPlan"/>) and a
/// <see cref="ClientCancellation"/> event stops the run (<see cref="DisconnectAwareScheduler"/>).
/// </summary>
public sealed class InferenceOrchestration : TaskOrchestrator<InferenceRequest, InferenceResult>
{
    private static readonly ArchitectureRunner DefaultRunner = new();

    /// <summary>Built-in components and the default prompt pack.</summary>
    public InferenceOrchestration()
        : this(DefaultRunner)
    {
    }

    /// <summary>The host's runner (registered once by <c>AddArchonComponents</c>: custom components, prompt pack).</summary>
    public InferenceOrchestration(ArchitectureRunner runner) => Runner = runner;

    // Stateless and deterministic; the same runner serves every replay.
    private ArchitectureRunner Runner { get; }

    public override async Task<InferenceResult> RunAsync(TaskOrchestrationContext context, InferenceRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var started = context.CurrentUtcDateTime;
        var architecture = input.Architecture
            ?? await context.CallActivityAsync<ArchitectureConfig>(nameof(ResolveArchitectureActivity), input.ArchitectureName ?? "", DurableRetry.Activity);
        var errors = ArchitectureValidator.Validate(architecture, Runner.Registry);
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
        var answers = runs.Select(r => r.Answer).ToList();
        var answer = answers[0];
        var cancelled = runs.Any(r => r.Cancelled);
        context.SetCustomStatus(new InferenceProgress(layers, layers, [], durable.CallsScheduled, "saving-trace"));
        // Refs, not payloads: every call is already in the store; SaveTrace assembles the trace from their ids.
        var callIds = trace.Select(e => e.Request.CallId).ToList();
        var state = runs[0].State;
        var batches = durable.BatchesOf(callIds);
        var traceRef = await context.CallActivityAsync<BlobRef>(
            nameof(SaveTraceActivity),
            new ReplayDeferredInput(context, () => new SaveTraceInput(context.InstanceId, architecture.Name, answer, totals, callIds, state, batches)),
            DurableRetry.Activity);
        context.SetCustomStatus(new InferenceProgress(layers, layers, [], durable.CallsScheduled, cancelled ? ClientCancellation.NoteKind : "completed"));
        if (!context.IsReplaying)
        {
            ArchonTelemetry.RecordOrchestration(nameof(InferenceOrchestration), context.InstanceId, totals, answer is not null, started, context.CurrentUtcDateTime);
        }

        var notes = runs.SelectMany((r, choice) => r.State.Notes.Select(n =>
            (choices > 1 ? $"choice {choice} " : "") + $"layer {n.Layer} component {n.Component} {n.Kind}: {n.Message}")).ToList();
        return new InferenceResult(answer, totals, traceRef, architecture.Name, layers, notes, choices > 1 ? answers : null, cancelled)
        {
            PromptPack = Runner.Prompts.Id,
        };
    }

    /// <summary>
    /// One choice of the completion through the one inference loop (the core runner's). Choice 0 drives the custom
    /// status; the final layer's single call streams when the plan allows it; a client disconnect ends the choice with a
    /// <c>cancelled</c> note and the calls that did run.
    /// </summary>
    private async Task<ChoiceRun> RunChoiceAsync(
        TaskOrchestrationContext context, ArchitectureConfig architecture, InferenceRequest input, int choice, int choices,
        IModelCallScheduler budgeted, DurableModelCallScheduler durable, Task<string>? clientGone, DateTime started)
    {
        var calls = new CallRewritingScheduler(budgeted, choice);
        var guarded = new DisconnectAwareScheduler(calls, clientGone);
        var streamFinal = input.StreamId is not null && choices == 1 && StreamingPlan.FinalCallStreams(architecture);
        var layers = architecture.Layers.Count;
        var layerStart = started;
        var state = QueryState.Start(input.Messages, input.ItemId);
        var hooks = new RunHooks
        {
            LayerStarting = li =>
            {
                if (choice == 0)
                {
                    var types = architecture.Layers[li].Components.Select(c => c.Type).ToList();
                    context.SetCustomStatus(new InferenceProgress(li + 1, layers, types, durable.CallsScheduled, "running"));
                }

                calls.StreamTo = streamFinal && li == layers - 1 ? input.StreamId : null;
                layerStart = context.CurrentUtcDateTime;
            },
            LayerFinished = layer =>
            {
                state = layer.State;
                if (!context.IsReplaying)
                {
                    var types = architecture.Layers[layer.Layer].Components.Select(c => c.Type).ToList();
                    ArchonTelemetry.RecordLayer(context.InstanceId, layer.Layer, types, layer.Calls.Count, layer.FailedCalls, layerStart, context.CurrentUtcDateTime);
                }
            },
            StopWhenEveryCallFails = true,
        };

        try
        {
            var run = await Runner.RunAsync(architecture, state, guarded, CancellationToken.None, hooks);
            return new ChoiceRun(run.Answer, run.FinalState, run.Trace, false);
        }
        catch (ClientDisconnectedException gone)
        {
            // The interrupted layer's output is dropped and no later layer runs; the trace keeps every call that ran.
            var what = gone.Issued ? "its calls in flight finished but their output was dropped" : "its calls were not sent";
            var note = new ExecutionNote(gone.Layer, -1, ClientCancellation.NoteKind,
                $"the client disconnected during layer {gone.Layer}: {what}; layers {gone.Layer + 1}..{layers - 1} did not run");
            return new ChoiceRun(null, state with { Candidates = [], Notes = [.. state.Notes, note] }, ArchitectureRunner.OrderTrace(guarded.Trace), true);
        }
        catch (ModelCallsFailedException failed)
        {
            if (!context.IsReplaying)
            {
                ArchonTelemetry.RecordOrchestration(nameof(InferenceOrchestration), context.InstanceId, UsageTotals.From(failed.Calls), false, started, context.CurrentUtcDateTime);
            }

            throw;
        }
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

    private sealed record ChoiceRun(string? Answer, QueryState State, IReadOnlyList<TraceEntry> Trace, bool Cancelled);
}
