using Archon.Core.Execution;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Archon.Functions.Functions;

/// <summary>
/// One-line [Function] wrappers over the orchestrator classes in Archon.Durable (the source generator that would
/// emit these is not available). Names are the class names, as in the embedded host's registration.
/// </summary>
public sealed class OrchestratorFunctions(ArchitectureRunner runner)
{
    // The runner comes from AddArchonComponents (custom component plugins, ARCHON_PROMPTS), as in the embedded host.
    [Function(nameof(InferenceOrchestration))]
    public Task<InferenceResult> InferenceOrchestration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new InferenceOrchestration(runner).RunAsync(context, context.GetInput<InferenceRequest>()!);
}
