namespace Archon.Bench.Latency;

/// <summary>One layer of a <see cref="CriticalPathPlan"/>: first-pass calls and the waves they need.</summary>
public sealed record CriticalPathLayer(int Calls, int Waves);
