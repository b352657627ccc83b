using Archon.Core.Execution;

namespace Archon.Durable.Contracts;

/// <summary>
/// Input of the model-call activity: the call, with earlier answers in its prompt replaced by references
/// (<see cref="Orchestrations.PromptReferences"/>) so history holds each answer once, plus the inference instance whose
/// stored calls those references name. <see cref="References"/> is null when nothing was replaced.
/// </summary>
public sealed record ModelCallWork(string InstanceId, ModelCallRequest Request, IReadOnlyList<string>? References = null);
