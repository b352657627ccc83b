namespace Archon.Core.Execution;

/// <summary>
/// One fully described model call: the unit of work both the in-process executor and the durable
/// model-call activity execute. Serializable, so it can cross the durable boundary unchanged.
/// </summary>
/// <param name="CallId">Deterministic id (layer/component/sample/candidate), unique within a query.</param>
/// <param name="Role">Component role making the call (generator, fuser, critic, ...); providers may ignore it,
/// the simulator uses it.</param>
/// <param name="ItemId">Benchmark item id when the query comes from a benchmark, else null.</param>
public sealed record ModelCallRequest(
    string CallId,
    string ModelId,
    IReadOnlyList<ChatTurn> Messages,
    double Temperature,
    int MaxTokens,
    int SampleIndex,
    string Role,
    int Layer,
    string? ItemId = null)
{
    /// <summary>Id (name@version) of the prompt pack whose texts the messages carry; part of the response cache key.</summary>
    public string? PromptPack { get; init; }
}
