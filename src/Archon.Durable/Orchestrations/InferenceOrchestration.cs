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
        var tracing = new TracingScheduler(WithBudget(durable, input));
        var state = QueryState.Start(input.Messages, input.ItemId);
        var layers = architecture.Layers.Count;
        for (var li = 0; li < layers; li++)
        {
            var types = architecture.Layers[li].Components.Select(c => c.Type).ToList();
            context.SetCustomStatus(new InferenceProgress(li + 1, layers, types, durable.CallsScheduled, "running"));
            var layerStart = context.CurrentUtcDateTime;
            var before = tracing.Trace.Count;
            state = await Runner.RunLayerAsync(architecture, li, state, tracing, CancellationToken.None);
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

        var trace = ArchitectureRunner.OrderTrace(tracing.Trace);
        var totals = UsageTotals.From(trace);
        var answer = ArchitectureRunner.FinalAnswer(state);
        context.SetCustomStatus(new InferenceProgress(layers, layers, [], durable.CallsScheduled, "saving-trace"));
        var traceRef = await context.CallActivityAsync<BlobRef>(
            nameof(SaveTraceActivity), new SaveTraceRequest(context.InstanceId, architecture.Name, answer, totals, trace, state), DurableRetry.Activity);
        context.SetCustomStatus(new InferenceProgress(layers, layers, [], durable.CallsScheduled, "completed"));
        if (!context.IsReplaying)
        {
            ArchonTelemetry.RecordOrchestration(nameof(InferenceOrchestration), context.InstanceId, totals, answer is not null, started, context.CurrentUtcDateTime);
        }

        var notes = state.Notes.Select(n => $"layer {n.Layer} component {n.Component} {n.Kind}: {n.Message}").ToList();
        return new InferenceResult(answer, totals, traceRef, architecture.Name, layers, notes);
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
