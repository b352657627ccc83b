using Archon.Core.Execution;

namespace Archon.Durable.Contracts;

/// <summary>
/// Input of the model-call activity: the call, with earlier answers in its prompt replaced by references
/// (<see cref="Orchestrations.PromptReferences"/>) so history holds each answer once, plus the inference instance whose
/// stored calls those references name. <see cref="References"/> is null when nothing was replaced.
/// <see cref="ReferenceBatches"/> names the batch blobs (<see cref="Core.Storage.BlobLayout.CallBatch"/>, by first call id)
/// holding referenced calls that ran in a batch; the others are read from their own blobs.
/// </summary>
public sealed record ModelCallWork(
    string InstanceId, ModelCallRequest Request, IReadOnlyList<string>? References = null, IReadOnlyList<string>? ReferenceBatches = null);
