using System.Text.Json.Serialization;
using Archon.Core.Execution;
using Archon.Core.Storage;

namespace Archon.Durable.Contracts;

/// <summary>
/// Output of the inference orchestration. Small on purpose: the full trace lives in the result store at <see cref="Trace"/>.
/// <see cref="Answers"/> is set when the request asked for several choices; <see cref="Cancelled"/> when the client left.
/// </summary>
public sealed record InferenceResult(
    string? Answer,
    UsageTotals Usage,
    BlobRef Trace,
    string Architecture,
    int Layers,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string?>? Answers = null,
    bool Cancelled = false)
{
    /// <summary>One answer per choice (n); <see cref="Answer"/> is the first. Single-choice runs list just that one.</summary>
    [JsonIgnore]
    public IReadOnlyList<string?> ChoiceAnswers => Answers ?? [Answer];

    /// <summary>Id (name@version) of the prompt pack the components used.</summary>
    public string? PromptPack { get; init; }
}
