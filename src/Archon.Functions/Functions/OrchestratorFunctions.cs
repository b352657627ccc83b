using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Archon.Functions.Functions;

/// <summary>
/// One-line [Function] wrappers over the orchestrator classes in Archon.Durable (the source generator that would
/// emit these is not available). Names are the class names, as in the embedded host's registration.
/// </summary>
public static class OrchestratorFunctions
{
    [Function(nameof(InferenceOrchestration))]
    public static Task<InferenceResult> InferenceOrchestration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new InferenceOrchestration().RunAsync(context, context.GetInput<InferenceRequest>()!);
}
