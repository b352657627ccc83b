using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Durable.Activities;
using Archon.Durable.Contracts;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Archon.Functions.Functions;

/// <summary>One-line [Function] wrappers over the activity classes in Archon.Durable (resolved from DI).</summary>
public sealed class ActivityFunctions(
    ModelCallActivity modelCall, ModelCallBatchActivity modelCallBatch, SaveTraceActivity saveTrace, ResolveArchitectureActivity resolveArchitecture)
{
    [Function(nameof(ModelCallActivity))]
    public Task<ModelCallResult> ModelCall([ActivityTrigger] ModelCallWork work, FunctionContext context) =>
        modelCall.ExecuteAsync(work, context.CancellationToken);

    [Function(nameof(ModelCallBatchActivity))]
    public Task<IReadOnlyList<ModelCallResult>> ModelCallBatch([ActivityTrigger] ModelCallBatchWork work, FunctionContext context) =>
        modelCallBatch.ExecuteAsync(work, context.CancellationToken);

    [Function(nameof(SaveTraceActivity))]
    public Task<BlobRef> SaveTrace([ActivityTrigger] SaveTraceInput request, FunctionContext context) =>
        saveTrace.ExecuteAsync(request, context.CancellationToken);

    [Function(nameof(ResolveArchitectureActivity))]
    public Task<ArchitectureConfig> ResolveArchitecture([ActivityTrigger] string name, FunctionContext context) =>
        resolveArchitecture.ExecuteAsync(name, context.CancellationToken);
}
