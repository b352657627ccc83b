using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Statistics;
using Xunit.Abstractions;

namespace Archon.Offline.Tests.Simulation;

/// <summary>
/// Architecture-level effects must EMERGE from per-call behaviours (nothing in the simulator knows about
/// architectures). These tests run example architectures on SIMULATED models over the same 200 built-in arithmetic
/// items and compare them pairwise with a paired bootstrap CI.
/// </summary>
public sealed class SimEmergenceTests(ITestOutputHelper output)
{
    private static readonly Lazy<Task<Dictionary<string, EvaluationResult>>> Runs = new(async () =>
    {
        var items = SimExperiment.MathItems(11);
        var names = new[] { "single-large-70b", "single-frontier", "large-70b-10-samples-rank-top1", "large-70b-10-samples-weak-fuser", "large-70b-10-samples-strong-fuser" };
        var results = new Dictionary<string, EvaluationResult>();
        foreach (var name in names) { results[name] = await SimExperiment.RunAsync(name, items); }
        return results;
    });

    private async Task<PairedComparison> Compare(string a, string b)
    {
        var runs = await Runs.Value;
        foreach (var name in new[] { a, b }) { output.WriteLine($"{name}: {runs[name].Summary.Format()}"); }
        var cmp = PairedComparison.Compute(
            runs[a].Items.ToDictionary(i => i.ItemId, i => i.Score.Value),
            runs[b].Items.ToDictionary(i => i.ItemId, i => i.Score.Value), seed: 5);
        output.WriteLine(cmp.Format(a, b));
        return cmp;
    }

    [Fact]
    public async Task MoreSamplesWithGoodRanker_BeatsSingleSample()
    {
        var cmp = await Compare("single-large-70b", "large-70b-10-samples-rank-top1");
        Assert.True(cmp.CiLow > 0, $"difference {cmp.MeanDifference} CI low {cmp.CiLow}");
    }

    [Fact]
    public async Task WeakFuser_HurtsVersusSingleSample()
    {
        var cmp = await Compare("single-large-70b", "large-70b-10-samples-weak-fuser");
        Assert.True(cmp.CiHigh < 0, $"difference {cmp.MeanDifference} CI high {cmp.CiHigh}");
    }

    [Fact]
    public async Task StrongFuser_BeatsWeakFuserOnSameCandidates()
    {
        var cmp = await Compare("large-70b-10-samples-weak-fuser", "large-70b-10-samples-strong-fuser");
        Assert.True(cmp.CiLow > 0, $"difference {cmp.MeanDifference} CI low {cmp.CiLow}");
    }

    [Fact]
    public async Task StrongerModel_ScoresHigherAlone()
    {
        var cmp = await Compare("single-large-70b", "single-frontier");
        Assert.True(cmp.MeanDifference > 0.05, $"difference {cmp.MeanDifference}");
        var runs = await Runs.Value;
        Assert.True(runs["single-frontier"].Summary.CostUsd > runs["single-large-70b"].Summary.CostUsd);
        Assert.All(runs.Values, r => Assert.True(r.Summary.Simulated));
    }
}
