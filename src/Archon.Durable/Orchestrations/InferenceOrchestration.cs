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
        var layers = architecture.Layers.Count;
        var layerStart = started;
        var hooks = new RunHooks
        {
            LayerStarting = li =>
            {
                var types = architecture.Layers[li].Components.Select(c => c.Type).ToList();
                context.SetCustomStatus(new InferenceProgress(li + 1, layers, types, durable.CallsScheduled, "running"));
                layerStart = context.CurrentUtcDateTime;
            },
            LayerFinished = layer =>
            {
                if (!context.IsReplaying)
                {
                    var types = architecture.Layers[layer.Layer].Components.Select(c => c.Type).ToList();
                    ArchonTelemetry.RecordLayer(context.InstanceId, layer.Layer, types, layer.Calls.Count, layer.FailedCalls, layerStart, context.CurrentUtcDateTime);
                }
            },
            StopWhenEveryCallFails = true,
        };

        // The one inference loop (the core runner's), with the budget guard around the durable fan-out.
        PipelineResult run;
        try
        {
            run = await Runner.RunAsync(architecture, QueryState.Start(input.Messages, input.ItemId), WithBudget(durable, input), CancellationToken.None, hooks);
        }
        catch (ModelCallsFailedException failed)
        {
            if (!context.IsReplaying)
            {
                ArchonTelemetry.RecordOrchestration(nameof(InferenceOrchestration), context.InstanceId, UsageTotals.From(failed.Calls), false, started, context.CurrentUtcDateTime);
            }

            throw;
        }

        var (answer, state, totals) = (run.Answer, run.FinalState, run.Totals);
        context.SetCustomStatus(new InferenceProgress(layers, layers, [], durable.CallsScheduled, "saving-trace"));
        // Refs, not payloads: every call is already in the store; SaveTrace assembles the trace from their ids.
        var traceRef = await context.CallActivityAsync<BlobRef>(
            nameof(SaveTraceActivity),
            new SaveTraceInput(context.InstanceId, architecture.Name, answer, totals, run.Trace.Select(e => e.Request.CallId).ToList(), state),
            DurableRetry.Activity);
        context.SetCustomStatus(new InferenceProgress(layers, layers, [], durable.CallsScheduled, "completed"));
        if (!context.IsReplaying)
        {
            ArchonTelemetry.RecordOrchestration(nameof(InferenceOrchestration), context.InstanceId, totals, answer is not null, started, context.CurrentUtcDateTime);
        }

        var notes = state.Notes.Select(n => $"layer {n.Layer} component {n.Component} {n.Kind}: {n.Message}").ToList();
        return new InferenceResult(answer, totals, traceRef, architecture.Name, layers, notes) { PromptPack = Runner.Prompts.Id };
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
}
