namespace Archon.Bench.Serving;

/// <summary>
/// One side of `archon bench serve` (direct, served, or a pass-through floor): its sequential latencies in ms and its
/// requests per second in flight.
/// </summary>
public sealed record ServeSide(IReadOnlyList<double> SequentialMs, double Rps);
