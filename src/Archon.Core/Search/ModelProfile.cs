namespace Archon.Core.Search;

/// <summary>What the search needs to know about one model: its ranking score (with its standard error) and the cost figures used to estimate
/// per-query budgets (prices from the catalog, token and latency averages measured during preprocessing).</summary>
public sealed record ModelProfile(
    string Id,
    double Score,
    double InputPricePerMillion,
    double OutputPricePerMillion,
    double AvgOutputTokens = 400,
    double AvgLatencyMs = 1000,
    double StandardError = 0);
