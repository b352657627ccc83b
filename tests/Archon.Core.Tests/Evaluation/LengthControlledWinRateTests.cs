using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Judging;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Evaluation.Statistics;
using Archon.Core.Execution;
using Annotation = Archon.Core.Evaluation.Statistics.LengthControlledWinRate.Annotation;

namespace Archon.Core.Tests.Evaluation;

public sealed class LengthControlledWinRateTests
{
    /// <summary>
    /// Synthetic annotations with a known length bias: the judge's preference for the model is
    /// σ(−1.5·tanh(Δlen/sd) + 0.8·difficulty − 0.4) with Δlen = baseline − model length, and the model's answers are
    /// mostly longer than the baseline's. The length-free truth is mean σ(0.8·difficulty − 0.4).
    /// </summary>
    private static (List<Annotation> Rows, double Truth) Synthetic(int n, bool sampled, int seed)
    {
        var rng = new Random(seed);
        var raw = new List<(int Baseline, int Model, double Difficulty)>();
        for (var i = 0; i < n; i++)
        {
            var baseline = 800 + rng.Next(800);
            var model = baseline + 300 + rng.Next(900) - (i % 5 == 0 ? 1000 : 0);
            raw.Add((baseline, model, Normal(rng)));
        }

        var deltas = raw.Select(r => (double)(r.Baseline - r.Model)).ToArray();
        var sd = MathNet.Numerics.Statistics.Statistics.StandardDeviation(deltas);
        var rows = raw.Select((r, i) =>
        {
            var p = Sigmoid(-1.5 * Math.Tanh(deltas[i] / sd) + 0.8 * r.Difficulty - 0.4);
            return new Annotation(sampled ? (rng.NextDouble() < p ? 1 : 0) : p, r.Baseline, r.Model, r.Difficulty);
        }).ToList();
        return (rows, rows.Average(r => Sigmoid(0.8 * r.Difficulty - 0.4)));
    }

    [Fact]
    public void FitGlm_ExactPreferences_RecoversWeightsAndLengthFreeWinRate()
    {
        var (rows, truth) = Synthetic(805, sampled: false, seed: 1);
        var fit = LengthControlledWinRate.FitGlm(rows);
        Assert.Equal(-1.5, fit.Length, 1);
        Assert.Equal(0.8, fit.Difficulty, 1);
        Assert.Equal(-0.4, fit.Baseline, 1);
        var lc = LengthControlledWinRate.Predict(fit, rows);
        var rawWinRate = rows.Average(r => r.Preference);
        Assert.Equal(truth, lc, 2);
        Assert.True(rawWinRate > truth + 0.15, $"raw {rawWinRate:0.000} should be inflated by length over truth {truth:0.000}");
    }

    [Fact]
    public void Compute_SampledBinaryPreferences_CloseToTruthFarFromRaw()
    {
        var (rows, truth) = Synthetic(805, sampled: true, seed: 2);
        var lc = LengthControlledWinRate.Compute(rows);
        var rawWinRate = rows.Average(r => r.Preference);
        Assert.True(Math.Abs(lc - truth) < 0.05, $"LC {lc:0.000} vs truth {truth:0.000}");
        Assert.True(rawWinRate - lc > 0.1, $"raw {rawWinRate:0.000} vs LC {lc:0.000}");
    }

    [Fact]
    public void Aggregate_WithoutDifficultyTable_RawWinRateNamedWithNote()
    {
        var (scorer, items, results) = Run(difficulty: null);
        var summary = scorer.Aggregate("alpaca_eval", items, results, 0);
        Assert.Equal(AlpacaEvalScorer.RawMetric, summary.Metric);
        Assert.Equal(results.Average(r => r.Score.Value), summary.Mean, 9);
        Assert.Contains(summary.Notes, n => n.Contains("instruction_difficulty.csv", StringComparison.Ordinal));
        Assert.Contains("raw win rate", summary.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_WithDifficultyTable_LengthControlledBelowRawForLongerModel()
    {
        var (scorer, items, results) = Run(difficulty: Enumerable.Range(0, 200).ToDictionary(i => i, i => (i % 7 - 3) / 3.0));
        var summary = scorer.Aggregate("alpaca_eval", items, results, 0);
        Assert.Equal(AlpacaEvalScorer.LcMetric, summary.Metric);
        var rawWinRate = results.Average(r => r.Score.Value);
        Assert.True(summary.Mean < rawWinRate - 0.1, $"LC {summary.Mean:0.000} vs raw {rawWinRate:0.000}");
        Assert.True(summary.CiLow <= summary.Mean && summary.Mean <= summary.CiHigh);
        Assert.Contains(summary.Notes, n => n.StartsWith("raw win rate", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadDifficulty_BadRow_NamesFileLineAndField()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("archon-lc-").FullName, "instruction_difficulty.csv");
        File.WriteAllText(path, "index,instruction_difficulty\n0,0.25\n1,abc\n");
        var ex = Assert.Throws<DatasetNotFoundException>(() => AlpacaEvalDifficulty.Load(path));
        Assert.Contains(path + ":3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("instruction_difficulty", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>200 items; the model wins when its answer is longer (a purely length-driven judge).</summary>
    private static (AlpacaEvalScorer, List<BenchmarkItem>, List<ItemResult>) Run(IReadOnlyDictionary<int, double>? difficulty)
    {
        var rng = new Random(5);
        var items = new List<BenchmarkItem>();
        var results = new List<ItemResult>();
        for (var i = 0; i < 200; i++)
        {
            var baseline = new string('b', 500 + rng.Next(500));
            var answer = new string('m', baseline.Length + rng.Next(-300, 700));
            var id = $"alpaca_eval/{i:D3}";
            items.Add(new BenchmarkItem { Id = id, Benchmark = "alpaca_eval", Family = "chat", Turns = ["q"], Reference = baseline });
            var pWin = answer.Length > baseline.Length ? 0.8 : 0.3;
            results.Add(new ItemResult(id, [answer], new ItemScore(id, rng.NextDouble() < pWin ? 1 : 0), UsageTotals.Zero));
        }

        var scorer = new AlpacaEvalScorer(FakeModel.Chat((_, _) => "m"), new JudgePrompt("x", "", "{instruction}", "m|M"), 0) { Difficulty = difficulty };
        return (scorer, items, results);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
