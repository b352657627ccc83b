namespace Archon.Bench.Latency;

/// <summary>
/// One layer of a <see cref="CriticalPathPlan"/>: first-pass calls and the waves they need; <see cref="Stages"/>: per stage
/// (one after another), the calls each model gets.
/// </summary>
public sealed record CriticalPathLayer(int Calls, int Waves)
{
    public IReadOnlyList<IReadOnlyDictionary<string, int>> Stages { get; init; } = [];
}
