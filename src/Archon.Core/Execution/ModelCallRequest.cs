namespace Archon.Core.Execution;

/// <summary>
/// One fully described model call: the unit of work both the in-process executor and the durable
/// model-call activity execute. Serializable, so it can cross the durable boundary unchanged.
/// </summary>
/// <param name="CallId">Deterministic id (layer/component/sample/candidate), unique within a query.</param>
/// <param name="Role">Component role making the call (generator, fuser, critic, ...); providers may ignore it,
/// the simulator uses it.</param>
/// <param name="ItemId">Benchmark item id when the query comes from a benchmark, else null.</param>
/// <param name="StreamTo">Relay stream id (<see cref="Streaming.IStreamRelay"/>) the call's tokens are written to as the
/// model produces them; null = not streamed. Set by the inference orchestration on the call that becomes the answer.</param>
/// <param name="Choice">Which of the request's <c>n</c> choices this call belongs to (0 for the first/only one); keeps
/// the n runs of one architecture distinct in call ids, caches and providers.</param>
public sealed record ModelCallRequest(
    string CallId,
    string ModelId,
    IReadOnlyList<ChatTurn> Messages,
    double Temperature,
    int MaxTokens,
    int SampleIndex,
    string Role,
    int Layer,
    string? ItemId = null,
    string? StreamTo = null,
    int Choice = 0)
{
    /// <summary>Id (name@version) of the prompt pack whose texts the messages carry; part of the response cache key.</summary>
    public string? PromptPack { get; init; }
}
