namespace Archon.Bench.Streaming;

/// <summary>
/// Figures of `archon bench stream` (medians over the runs, milliseconds from the moment the request was sent).
/// <see cref="OverheadMs"/> = first token at the client − (end of the last earlier-layer call + the final model's own
/// first-token delay): what the relay, activity dispatch and HTTP path add. Goal: ≤ 50 ms. The model's own delay
/// (<see cref="FinalFirstTokenDelayMs"/>) is measured: a streamed call straight to the final model through the same
/// provider stack after each run, since the loopback server's transport (timer overshoot, SSE framing) adds to its
/// nominal <see cref="TokenDelayMs"/>. <see cref="OverheadVsNominalMs"/> uses the nominal delay instead. It splits into
/// <see cref="DispatchMs"/> (last earlier call done → final call started: orchestration replay, activity dispatch,
/// trace write and reference reads), <see cref="RequestToModelMs"/> (final call started → request at the loopback
/// model: provider stack and HTTP), <see cref="ModelToRelayMs"/> (request at the model → first token in the relay,
/// less the model's nominal delay: timer overshoot of that delay, SSE from the model, SDK parsing) and <see cref="RelayToClientMs"/> (first token in the relay → at
/// the client: relay wake-up, SSE write, HTTP). <see cref="WorstOverheadMs"/> is the largest of the runs.
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
    double RequestToModelMs,
    double ModelToRelayMs,
    double RelayToClientMs,
    double WorstOverheadMs,
    double OverheadVsNominalMs);
