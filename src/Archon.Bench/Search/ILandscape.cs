using Archon.Core.Search;

namespace Archon.Bench.Search;

/// <summary>
/// A landscape the search bench runs algorithms against: every point's true score is known, and an evaluation at a
/// fidelity observes the point on the first ⌈fidelity·N⌉ items of a seed's item order, so nested subsets agree and
/// re-asking returns the same number. <see cref="TabularLandscape"/> draws item outcomes from a closed-form model;
/// <see cref="EngineLandscape"/> replays the outcomes the engine itself produced.
/// </summary>
public interface ILandscape
{
    SearchSpace Space { get; }

    int ItemCount { get; }

    /// <summary>Expected score (0–100) of every point, aligned with <see cref="SearchSpace.Points"/>.</summary>
    IReadOnlyList<double> TrueScores { get; }

    int BestIndex { get; }

    double BestScore { get; }

    /// <summary>The items a seed's search evaluates, in the order fidelities take them (low fidelity = a prefix).</summary>
    int[] ItemOrder(int seed);

    double Observe(int pointIndex, double fidelity, int seed, int[] itemOrder);
}
