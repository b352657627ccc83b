namespace Archon.Core.Search;

/// <summary>An architecture to evaluate on the first <see cref="Fidelity"/> share of the (shuffled, nested) items.
/// <see cref="Bracket"/> groups successive-halving proposals; 0 for single-fidelity algorithms.</summary>
public sealed record Proposal(SearchPoint Point, double Fidelity = 1.0, int Bracket = 0);
