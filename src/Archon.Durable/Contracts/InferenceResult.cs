using Archon.Core.Execution;
using Archon.Core.Storage;

namespace Archon.Durable.Contracts;

/// <summary>
/// Output of the inference orchestration. Small on purpose: the full trace lives in the result store at <see cref="Trace"/>.
/// </summary>
public sealed record InferenceResult(
    string? Answer,
    UsageTotals Usage,
    BlobRef Trace,
    string Architecture,
    int Layers,
    IReadOnlyList<string> Notes)
{
    /// <summary>Id (name@version) of the prompt pack the components used.</summary>
    public string? PromptPack { get; init; }
}
