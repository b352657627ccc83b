using Archon.Core.Execution;
using Archon.Durable.Contracts;
using Microsoft.DurableTask.Client;

namespace Archon.Http;

/// <summary>What GET /api/inference/{id} returns: Durable status, progress, and the result once there is one.</summary>
public sealed record InferenceStatusView(
    string Id,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    InferenceProgress? Progress,
    string? Answer,
    UsageTotals? Usage,
    string? Trace,
    string? Architecture,
    IReadOnlyList<string>? Notes,
    string? Error,
    string? Label = null)
{
    /// <param name="labeler">Adds the SIMULATED label when the run's architecture uses the simulator.</param>
    public static InferenceStatusView From(OrchestrationMetadata metadata, ResultLabeler? labeler = null)
    {
        var label = labeler?.LabelFor(metadata.SerializedInput is null ? null : metadata.ReadInputAs<InferenceRequest>()?.Architecture);
        var result = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<InferenceResult>() : null;
        return new InferenceStatusView(
            metadata.InstanceId,
            metadata.RuntimeStatus.ToString(),
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<InferenceProgress>(),
            result?.Answer,
            result?.Usage,
            result?.Trace.ToString(),
            result?.Architecture,
            result?.Notes,
            metadata.FailureDetails?.ErrorMessage,
            label);
    }
}
