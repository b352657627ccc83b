namespace Archon.Bench.Streaming;

/// <summary>
/// Figures of `archon bench stream` (medians over the runs, milliseconds from the moment the request was sent).
/// <see cref="OverheadMs"/> = first token at the client − (end of the last earlier-layer call + the final model's own
/// first-token delay): what the relay, activity dispatch and HTTP path add. Goal: ≤ 50 ms. It splits into
/// <see cref="DispatchMs"/> (last earlier call done → final call started: orchestration replay, activity dispatch,
/// trace write and reference reads) and <see cref="StreamPathMs"/> (final call started → first token at the client,
/// less the model's own delay: provider HTTP, relay, SSE). <see cref="WorstOverheadMs"/> is the largest of the runs.
/// </summary>
public sealed record StreamingBenchmarkResult(
    int Runs,
    double FirstTokenMs,
    double FullAnswerMs,
    double EarlierLayersDoneMs,
    double FinalFirstTokenDelayMs,
    double OverheadMs,
    int Tokens,
    double TokenDelayMs,
    double DispatchMs,
    double StreamPathMs,
    double WorstOverheadMs);
