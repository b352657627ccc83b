namespace Archon.Core.Search;

/// <summary>
/// A finished evaluation: score (0–100) over the first <see cref="Fidelity"/> share of items, measured $/query and
/// latency. Item subsets are nested, so a higher-fidelity observation of a point includes the lower ones' items.
/// </summary>
public sealed record Observation(SearchPoint Point, double Fidelity, double Score, double CostUsd, double LatencyMs = 0, int Bracket = 0);
