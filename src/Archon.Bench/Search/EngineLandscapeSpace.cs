using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Search;
using Archon.Offline.Simulation;

namespace Archon.Bench.Search;

/// <summary>
/// The space and items of <c>archon bench search --landscape engine</c>: the paper's axes over the eight-model SIMULATED
/// fleet (top-K generators 1–8, samples 1–5, at most 24 initial candidates, 1–4 fusion layers with non-increasing
/// intermediate widths 2–8, none / ranker / critic+ranker before every fusion layer, none / verifier / unit tests
/// before the final fuser, ranker top-5): 10,710 architectures. Items: the built-in benchmark (arithmetic word problems
/// and Python functions), 120 + 80 = 200 by default.
/// <para>The ranking is the fleet's stated skills (generators by their mean math/code skill, fusers by fusing skill),
/// not a preprocessing run: the bench measures how search algorithms find the best point of a fixed space, and a fixed
/// ranking keeps the space (and the stored landscape's key) the same on every machine.</para>
/// </summary>
public static class EngineLandscapeSpace
{
    public static SearchSpaceBounds Bounds(int models) => new()
    {
        Generators = [.. Enumerable.Range(1, models)],
        FusionWidths = [2, 4, 6, 8],
        ModelCount = models,
    };

    public static ModelRanking Ranking(IReadOnlyList<SimModelProfile> fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ModelProfile Profile(SimModelProfile p, double score) => new(p.Id, score, (double)p.InputPricePerMillion, (double)p.OutputPricePerMillion,
            p.TokensPerAnswer, p.LatencyMedianMs);
        var generators = fleet.Select(p => Profile(p, (p.SkillFor("math") + p.SkillFor("code")) / 2)).OrderByDescending(p => p.Score).ToList();
        var fusers = fleet.Select(p => Profile(p, p.FuseSkill)).OrderByDescending(p => p.Score).ToList();
        return new ModelRanking(generators, fusers, 120);
    }

    public static SearchSpace Create(IReadOnlyList<SimModelProfile> fleet, SearchSpaceBounds? bounds = null) =>
        new(bounds ?? Bounds(fleet.Count), new ArchitectureEncoder(Ranking(fleet)));

    /// <summary>The built-in benchmark's items: 60% arithmetic, 40% code, as its default mix.</summary>
    public static IReadOnlyList<BenchmarkItem> Items(int count, int seed = 2409)
    {
        var code = count * 2 / 5;
        return BuiltinBenchmark.Generate(seed, count - code, code);
    }
}
