namespace Archon.Core.Search;

/// <summary>Estimated per-query cost of one architecture; <see cref="LayerCalls"/> holds the calls of each layer in order.</summary>
public sealed record CostEstimate(int Calls, long InputTokens, long OutputTokens, double Dollars, double LatencyMs, IReadOnlyList<int> LayerCalls);
