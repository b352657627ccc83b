using Archon.Core.Evaluation.Scoring;
using Archon.Core.Evaluation.Statistics;

namespace Archon.Core.Evaluation.Judging;

/// <summary>
/// Turns Arena-Hard verdict pairs into battles and a Bradley-Terry win rate against the baseline, with a bootstrap CI
/// over questions. A strong verdict (A&gt;&gt;B) counts as <c>weight</c> identical battles (3 in v0.1); a tie counts
/// half a win to each side. With one model and one baseline the BT maximum-likelihood win probability equals the
/// weighted win share, which is what is computed (and what the logistic fit upstream converges to).
/// </summary>
public static class ArenaHardAggregator
{
    /// <summary>One battle from the model's perspective: 1 win, 0.5 tie, 0 loss.</summary>
    public sealed record Battle(double ModelScore);

    private static readonly HashSet<string> Labels = ["A>>B", "A>B", "A=B", "B>A", "B>>A", "B=A", "A<B", "A<<B", "B<A", "B<<A"];

    public static bool IsValidLabel(string label) => Labels.Contains(label);

    /// <summary>game1: A = baseline, B = model. game2: A = model, B = baseline.</summary>
    public static List<Battle> ToBattles(string? game1, string? game2, int strongWeight)
    {
        var battles = new List<Battle>();
        Add(battles, game1, modelIsA: false, strongWeight);
        Add(battles, game2, modelIsA: true, strongWeight);
        return battles;
    }

    private static void Add(List<Battle> battles, string? label, bool modelIsA, int strongWeight)
    {
        if (label is null) { return; }
        var (aScore, strong) = label switch
        {
            "A>>B" or "B<<A" => (1.0, true),
            "A>B" or "B<A" => (1.0, false),
            "A=B" or "B=A" => (0.5, false),
            "B>A" or "A<B" => (0.0, false),
            "B>>A" or "A<<B" => (0.0, true),
            _ => (double.NaN, false),
        };
        if (double.IsNaN(aScore)) { return; }
        var modelScore = modelIsA ? aScore : 1 - aScore;
        for (var i = 0; i < (strong ? strongWeight : 1); i++) { battles.Add(new Battle(modelScore)); }
    }

    /// <summary>Win rate vs the baseline (0..1) with a bootstrap 95% CI that resamples questions.</summary>
    public static ScoreSummary WinRate(string benchmark, IReadOnlyList<ItemScore> scores, int strongWeight, int seed)
    {
        var perItem = scores.Where(s => s.Scored && s.Extracted is not null)
            .Select(s => s.Extracted!.Split('|'))
            .Select(p => ToBattles(p[0] == "?" ? null : p[0], p.Length > 1 && p[1] != "?" ? p[1] : null, strongWeight))
            .Where(b => b.Count > 0).ToList();
        double Rate(IEnumerable<int> idx)
        {
            double wins = 0, n = 0;
            foreach (var i in idx) { foreach (var b in perItem[i]) { wins += b.ModelScore; n++; } }
            return n == 0 ? double.NaN : wins / n;
        }

        var (low, high) = Bootstrap.Interval(perItem.Count, idx => Rate(idx), seed);
        return new ScoreSummary
        {
            Benchmark = benchmark,
            Scorer = "arena-hard win rate vs baseline (Bradley-Terry, >> weight " + strongWeight + ")",
            Mean = Rate(Enumerable.Range(0, perItem.Count)),
            N = perItem.Count,
            Unscored = scores.Count - perItem.Count,
            CiLow = low,
            CiHigh = high,
            Seed = seed,
            Metric = "win rate vs baseline",
        };
    }
}
