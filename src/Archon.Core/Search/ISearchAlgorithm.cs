namespace Archon.Core.Search;

/// <summary>
/// A search strategy in ask/tell form, stateless between calls: everything it needs is rebuilt from the space, its
/// seed and the observations so far. That makes proposals reproducible, which a resumed durable search relies on.
/// </summary>
public interface ISearchAlgorithm
{
    string Name { get; }

    /// <summary>The next batch to evaluate; never a point already observed at that fidelity or higher. Empty = done.</summary>
    IReadOnlyList<Proposal> Propose(IReadOnlyList<Observation> history);

    /// <summary>The architecture the algorithm would return now (null before any full-fidelity observation).</summary>
    SearchPoint? Recommend(IReadOnlyList<Observation> history);
}
