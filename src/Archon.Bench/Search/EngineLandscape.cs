using Archon.Core.Search;

namespace Archon.Bench.Search;

/// <summary>
/// The search landscape the engine computed (<see cref="EngineLandscapeBuilder"/>): a point's true score is its mean
/// outcome over the landscape's items, i.e. its score on that fixed item set, as the paper's search sees a fixed dev set.
/// An evaluation at fidelity f observes the stored per-item outcomes of the first ⌈f·N⌉ items of the seed's item order,
/// so the noise a search sees is the item-level noise of the engine's own outcomes: low-fidelity evaluations of the same
/// point differ by seed, and a full evaluation reads every item.
/// </summary>
public sealed class EngineLandscape : ILandscape
{
    private readonly EngineLandscapeData _data;
    private readonly double[] _trueScores;

    public EngineLandscape(SearchSpace space, EngineLandscapeData data)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Points != space.Count)
        {
            throw new ArgumentException($"landscape has {data.Points} points, the space {space.Count}", nameof(data));
        }

        Space = space;
        _data = data;
        _trueScores = new double[data.Points];
        for (var p = 0; p < data.Points; p++)
        {
            double sum = 0;
            for (var i = 0; i < data.Items; i++)
            {
                sum += data.Outcome(p, i);
            }

            _trueScores[p] = 100 * sum / data.Items;
        }

        BestIndex = Array.IndexOf(_trueScores, _trueScores.Max());
    }

    public SearchSpace Space { get; }

    public EngineLandscapeData Data => _data;

    public int ItemCount => _data.Items;

    public IReadOnlyList<double> TrueScores => _trueScores;

    public int BestIndex { get; }

    public double BestScore => _trueScores[BestIndex];

    /// <summary>Points whose true score is within <paramref name="tolerance"/> of the best (how wide the target is).</summary>
    public int WithinOfBest(double tolerance) => _trueScores.Count(s => s >= BestScore - tolerance);

    public int[] ItemOrder(int seed)
    {
        var order = Enumerable.Range(0, ItemCount).ToArray();
        new Random(seed * 7 + 1).Shuffle(order);
        return order;
    }

    public double Observe(int pointIndex, double fidelity, int seed, int[] itemOrder)
    {
        ArgumentNullException.ThrowIfNull(itemOrder);
        var n = TabularLandscape.ItemsFor(fidelity, ItemCount);
        double sum = 0;
        for (var k = 0; k < n; k++)
        {
            sum += _data.Outcome(pointIndex, itemOrder[k]);
        }

        return 100 * sum / n;
    }
}
