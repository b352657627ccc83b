using Archon.Core.Search;
using Archon.Core.Storage;
namespace Archon.Bench.Search;

/// <summary>
/// A tabular benchmark of the whole search space, as hyperparameter-optimisation benchmarks build them: every
/// architecture's per-item success probability is computed once from a per-item outcome model of the SIMULATED fleet,
/// cached, and then each search draws item-level outcomes (Bernoulli per item) from it, so repeated searches see
/// realistic evaluation noise while the true score (the mean probability) is known for every architecture.
/// <para>Outcome model per item: model m answers correctly with p = σ(skill_m − difficulty_i + affinity_mi) per sample;
/// the candidate pool has a per-candidate accuracy q and a chance A that at least one candidate is right; a ranker
/// (stronger with critiques) and a verifier raise q toward A; unit tests do so on code items only; a fuser with skill φ
/// is right with A·σ(φ + κ(q − ½)); fusers of one layer are correlated; every extra layer loses a little.</para>
/// </summary>
public sealed class TabularLandscape : ILandscape
{
    private const double Kappa = 4.0;
    private const double FuserCorrelation = 0.5;
    private readonly double[][] _itemProbabilities;

    public TabularLandscape(SearchSpace space, int items = 500, int seed = 2409)
    {
        Space = space;
        ItemCount = items;
        var rng = new Random(seed);
        var fleet = LandscapeFleet.Models;
        var difficulty = Enumerable.Range(0, items).Select(_ => 1.4 * Gaussian(rng)).ToArray();
        var isCode = Enumerable.Range(0, items).Select(_ => rng.NextDouble() < 0.3).ToArray();
        var affinity = fleet.Select(_ => Enumerable.Range(0, items).Select(_ => 0.9 * Gaussian(rng)).ToArray()).ToArray();
        var p = fleet.Select((m, mi) => Enumerable.Range(0, items).Select(i => Sigmoid(m.Skill - difficulty[i] + affinity[mi][i])).ToArray()).ToArray();
        var fuserSkill = fleet.Select(m => 0.6 + 0.8 * m.Skill).ToArray();

        _itemProbabilities = new double[space.Count][];
        TrueScores = new double[space.Count];
        for (var index = 0; index < space.Count; index++)
        {
            var point = space.Points[index];
            var probs = new double[items];
            for (var i = 0; i < items; i++)
            {
                probs[i] = ItemProbability(point, i, p, fuserSkill, isCode[i]);
            }

            _itemProbabilities[index] = probs;
            TrueScores[index] = 100 * probs.Average();
        }

        BestIndex = Array.IndexOf(TrueScores, TrueScores.Max());
    }

    public SearchSpace Space { get; }

    public int ItemCount { get; }

    /// <summary>Expected accuracy (0–100) of every point, aligned with <see cref="SearchSpace.Points"/>.</summary>
    public double[] TrueScores { get; }

    IReadOnlyList<double> ILandscape.TrueScores => TrueScores;

    public int BestIndex { get; }

    public double BestScore => TrueScores[BestIndex];

    /// <summary>Observed score of a point on the first ⌈fidelity·N⌉ items of the seed's item order. Each (seed, point, item)
    /// outcome is a fixed draw, so nested subsets agree and re-asking returns the same number.</summary>
    public double Observe(int pointIndex, double fidelity, int seed, int[] itemOrder)
    {
        var n = Math.Max(1, (int)Math.Ceiling(fidelity * ItemCount - 1e-9));
        var probs = _itemProbabilities[pointIndex];
        var correct = 0;
        for (var k = 0; k < n; k++)
        {
            var item = itemOrder[k];
            if (Uniform(seed, pointIndex, item) < probs[item])
            {
                correct++;
            }
        }

        return 100.0 * correct / n;
    }

    /// <summary>A seeded permutation of all items (every search sees every item at full fidelity).</summary>
    public int[] ItemOrder(int seed)
    {
        var order = Enumerable.Range(0, ItemCount).ToArray();
        new Random(seed * 7 + 1).Shuffle(order);
        return order;
    }

    public static int ItemsFor(double fidelity, int itemCount) => Math.Max(1, (int)Math.Ceiling(fidelity * itemCount - 1e-9));

    private static double ItemProbability(SearchPoint point, int item, double[][] p, double[] fuserSkill, bool isCode)
    {
        // Generator pool: per-candidate accuracy q and "at least one correct" A over K models × s samples.
        double sum = 0, allWrong = 1;
        for (var m = 0; m < point.Generators; m++)
        {
            sum += point.Samples * p[m][item];
            allWrong *= Math.Pow(1 - p[m][item], point.Samples);
        }

        var n = point.InitialCandidates;
        var q = sum / n;
        var any = 1 - allWrong;
        var judge = fuserSkill[0];
        var critiqueBonus = 0.0;
        for (var layer = 0; layer < point.FusionLayers; layer++)
        {
            var final = layer == point.FusionLayers - 1;
            if (!final || point.Widths.Count == 0)
            {
                // Earlier layers' candidates are already refined: each later pre-fusion step helps a little less.
                var option = point.PreFusion[Math.Min(layer, point.PreFusion.Count - 1)];
                var damp = 1.0 / (1 + layer);
                critiqueBonus = SearchPoint.HasCritic(option) ? 0.25 * damp : 0;
                if (SearchPoint.HasRanker(option))
                {
                    var strength = (SearchPoint.HasCritic(option) ? 0.45 : 0.3) * damp;
                    var kept = Math.Min(point.RankerTopK, n);
                    q += strength * (any - q);
                    // Keeping fewer candidates can drop the only right one.
                    any = Math.Min(any, 1 - Math.Pow(1 - q, kept) * (1 - 0.5 * strength));
                    n = kept;
                }
            }

            if (final)
            {
                break;
            }

            var width = point.Widths[layer];
            double qSum = 0, wrong = 1;
            for (var f = 0; f < width; f++)
            {
                var pf = any * Sigmoid(fuserSkill[f % fuserSkill.Length] + critiqueBonus + Kappa * (q - 0.5));
                qSum += pf;
                wrong *= 1 - pf;
            }

            var qNext = qSum / width;
            any = 0.995 * (qNext + (1 - FuserCorrelation) * (1 - wrong - qNext));
            q = qNext;
            n = width;
            critiqueBonus = 0;
        }

        if (point.Evaluation == EvaluationOption.Verifier)
        {
            q += 0.25 * (any - q);
        }
        else if (point.Evaluation == EvaluationOption.UnitTests && isCode)
        {
            q += 0.5 * (any - q);
        }

        return any * Sigmoid(judge + critiqueBonus + Kappa * (q - 0.5));
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>A fixed uniform draw per (seed, point, item) from a 64-bit mix (SplitMix64).</summary>
    private static double Uniform(int seed, int point, int item)
    {
        var z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)point * 0xBF58476D1CE4E5B9UL ^ (ulong)(uint)item * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
