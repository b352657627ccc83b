using System.Globalization;

namespace Archon.Core.Search;

/// <summary>
/// Enumerates the axes' product and applies the structural constraints, counting what each removes. Constraints, in
/// order: top-K within the models available (<c>generators</c>), generators × samples within the cap
/// (<c>max_initial_candidates</c>), widths non-increasing across fusion layers (<c>fusion_widths</c>), and a ranker
/// top-k only where some slot ranks and below what the rankers receive (<c>ranker_top_k</c>: without a ranker, or at or
/// above every ranker's input, different top-k values build the same architecture; the smallest is kept).
/// </summary>
public static class SpaceEnumerator
{
    public sealed record Result(IReadOnlyList<SearchPoint> Points, long Product, IReadOnlyDictionary<string, long> Removed);

    public static Result Enumerate(SearchSpaceBounds b)
    {
        var gens = b.Generators.Distinct().Order().ToList();
        var samples = b.Samples.Distinct().Order().ToList();
        var widths = b.FusionWidths.Distinct().OrderDescending().ToList();
        var pres = b.PreFuser.Distinct().ToList();
        var evals = b.Evaluation.Distinct().ToList();
        var topKs = b.RankerTopK.Distinct().Order().ToList();
        var removed = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["generators"] = 0, ["max_initial_candidates"] = 0, ["fusion_widths"] = 0, ["ranker_top_k"] = 0,
        };
        long product = 0;
        var points = new List<SearchPoint>();
        foreach (var layers in b.FusionLayers.Distinct().Order())
        {
            var allSequences = Power(widths.Count, layers - 1);
            var valid = NonIncreasing(widths, layers - 1).ToList();
            var preCombos = PreCombinations(pres, Slots(layers), b.PreFusionMode).ToList();
            var tail = (long)preCombos.Count * evals.Count * topKs.Count;
            foreach (var g in gens)
            {
                foreach (var s in samples)
                {
                    var here = allSequences * tail;
                    product += here;
                    if (b.ModelCount is { } models && g > models)
                    {
                        removed["generators"] += here;
                        continue;
                    }

                    if (b.MaxInitialCandidates is { } cap && g * s > cap)
                    {
                        removed["max_initial_candidates"] += here;
                        continue;
                    }

                    removed["fusion_widths"] += (allSequences - valid.Count) * tail;
                    foreach (var w in valid)
                    {
                        foreach (var pre in preCombos)
                        {
                            var ranks = pre.Any(SearchPoint.HasRanker);
                            foreach (var e in evals)
                            {
                                if (!ranks)
                                {
                                    removed["ranker_top_k"] += topKs.Count - 1;
                                    points.Add(new SearchPoint(g, s, w, pre, e, 0));
                                    continue;
                                }

                                // A top-k at or above every ranker's input keeps everything: larger ones build the same architecture.
                                var widest = MaxRankerInput(g * s, w, pre);
                                var seen = new HashSet<int>();
                                foreach (var k in topKs)
                                {
                                    if (seen.Add(Math.Min(k, widest)))
                                    {
                                        points.Add(new SearchPoint(g, s, w, pre, e, k));
                                    }
                                    else
                                    {
                                        removed["ranker_top_k"]++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        return new Result(points, product, removed);
    }

    /// <summary>Pre-fusion slots of an architecture with <paramref name="fusionLayers"/> fusion layers.</summary>
    public static int Slots(int fusionLayers) => Math.Max(1, fusionLayers - 1);

    /// <summary>The first axis <paramref name="p"/> violates as "field: rule", or null when the axes and constraints allow it.</summary>
    public static string? FirstViolation(SearchSpaceBounds b, SearchPoint p)
    {
        static string List<T>(IEnumerable<T> values) => "[" + string.Join(", ", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + "]";
        if (!b.Generators.Contains(p.Generators)) return $"generators: top-K {p.Generators} is not one of {List(b.Generators)}";
        if (b.ModelCount is { } models && p.Generators > models) return $"generators: top-K {p.Generators} exceeds the {models} models available";
        if (!b.Samples.Contains(p.Samples)) return $"samples: {p.Samples} samples per generator is not one of {List(b.Samples)}";
        if (!b.FusionLayers.Contains(p.FusionLayers)) return $"fusion_layers: {p.FusionLayers} fusion layers is not one of {List(b.FusionLayers)}";
        for (var i = 0; i < p.Widths.Count; i++)
        {
            if (!b.FusionWidths.Contains(p.Widths[i])) return $"fusion_widths: fusion layer {i + 1} has {p.Widths[i]} fusers, not one of {List(b.FusionWidths)}";
            if (i > 0 && p.Widths[i] > p.Widths[i - 1]) return $"fusion_widths: fusion layer {i + 1} is wider ({p.Widths[i]}) than layer {i} ({p.Widths[i - 1]}); widths must not increase";
        }

        for (var i = 0; i < p.PreFusion.Count; i++)
        {
            if (!b.PreFuser.Contains(p.PreFusion[i]))
                return $"pre_fuser: '{SearchPoint.PreFuserName(p.PreFusion[i])}' before fusion layer {i + 1} is not one of {List(b.PreFuser.Select(SearchPoint.PreFuserName))}";
        }

        if (b.PreFusionMode == PreFusionMode.AllLayers && p.PreFusion.Distinct().Count() > 1)
            return $"pre_fusion_mode: all_layers needs the same choice before every fusion layer (got {string.Join(", ", p.PreFusion.Select(SearchPoint.PreFuserName))}); use per_layer";
        if (!b.Evaluation.Contains(p.Evaluation)) return $"evaluation: '{SearchPoint.EvaluationName(p.Evaluation)}' is not one of {List(b.Evaluation.Select(SearchPoint.EvaluationName))}";
        if (p.RankerTopK != 0 && !b.RankerTopK.Contains(p.RankerTopK)) return $"ranker_top_k: {p.RankerTopK} is not one of {List(b.RankerTopK)}";
        if (b.MaxInitialCandidates is { } cap && p.InitialCandidates > cap)
            return $"max_initial_candidates: {p.Generators} generators x {p.Samples} samples = {p.InitialCandidates} initial candidates, cap {cap}";
        return null;
    }

    /// <summary>The most candidates any ranker of the architecture receives.</summary>
    public static int MaxRankerInput(int initialCandidates, IReadOnlyList<int> widths, IReadOnlyList<PreFuserOption> pre)
    {
        var widest = 0;
        for (var i = 0; i < pre.Count; i++)
        {
            if (SearchPoint.HasRanker(pre[i]))
            {
                widest = Math.Max(widest, i == 0 ? initialCandidates : widths[i - 1]);
            }
        }

        return widest;
    }

    private static long Power(int n, int k)
    {
        long r = 1;
        for (var i = 0; i < k; i++) r *= n;
        return r;
    }

    private static IEnumerable<int[]> NonIncreasing(IReadOnlyList<int> descending, int length)
    {
        if (length == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in NonIncreasing(descending, length - 1))
        {
            foreach (var w in descending)
            {
                if (rest.Length == 0 || w <= rest[^1])
                {
                    yield return [.. rest, w];
                }
            }
        }
    }

    private static IEnumerable<PreFuserOption[]> PreCombinations(IReadOnlyList<PreFuserOption> options, int slots, PreFusionMode mode)
    {
        if (mode == PreFusionMode.AllLayers)
        {
            foreach (var o in options) yield return [.. Enumerable.Repeat(o, slots)];
            yield break;
        }

        IEnumerable<PreFuserOption[]> combos = [[]];
        for (var i = 0; i < slots; i++)
        {
            combos = combos.SelectMany(c => options.Select(o => (PreFuserOption[])[.. c, o])).ToList();
        }

        foreach (var c in combos) yield return c;
    }
}
