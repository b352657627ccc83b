namespace Archon.Core.Search.Execution;

/// <summary>An architecture scored on a list of items: mean score (0–100), its standard error, per-query cost figures.</summary>
public sealed record ArchitectureScore(double Score, double StdError, double CostUsd, double LatencyMs, double OutputTokensPerCall,
    long CallsNeeded, long CallsMade, IReadOnlyList<CandidateItemScore> ItemScores);
