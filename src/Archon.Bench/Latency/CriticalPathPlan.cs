namespace Archon.Bench.Latency;

/// <summary>The critical path of one query: per layer calls and waves, and the bound in milliseconds.</summary>
public sealed record CriticalPathPlan(IReadOnlyList<CriticalPathLayer> Layers, int Calls, int Waves, double Milliseconds);
