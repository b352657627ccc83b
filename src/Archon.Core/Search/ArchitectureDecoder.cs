using System.Globalization;
using Archon.Core.Architecture;

namespace Archon.Core.Search;

/// <summary>
/// Reads a search point from an architecture's layer structure: a generator layer (one sample count for all), then per
/// fusion layer an optional critic and/or ranker and a layer of fusers, an optional evaluation layer (verifier, or
/// unit-test generator + evaluator) and one final fuser with one sample. Anything else is reported as
/// "layers[i]: rule" so a user can see where the file leaves the space's shape.
/// </summary>
public static class ArchitectureDecoder
{
    public sealed record Result(SearchPoint? Point, string? Error, IReadOnlyList<string> GeneratorModels);

    public static Result Decode(ArchitectureConfig config)
    {
        var layers = config.Layers;
        string Role(int i) => layers[i].Components.Count > 0 ? layers[i].Components[0].Type : "";
        Result Fail(int i, string rule) => new(null, string.Create(CultureInfo.InvariantCulture, $"layers[{i}]: {rule}"), []);
        if (layers.Count < 2) return Fail(0, "a search architecture has a generator layer and at least a final fuser");
        if (layers[0].Components.Count == 0 || layers[0].Components.Any(c => c.Type != "generator")) return Fail(0, "the first layer must hold only generators");
        var samples = layers[0].Components[0].Samples;
        if (layers[0].Components.Any(c => c.Samples != samples)) return Fail(0, "every generator must draw the same number of samples (the samples axis)");
        for (var i = 1; i < layers.Count; i++)
        {
            if (layers[i].Components.Select(c => c.Type).Distinct(StringComparer.Ordinal).Count() != 1) return Fail(i, "a layer must hold one component type");
        }

        var widths = new List<int>();
        var pre = new List<PreFuserOption>();
        var topKs = new List<(int K, int In)>();
        var evaluation = EvaluationOption.None;
        var index = 1;
        var candidates = layers[0].Components.Count * samples;
        while (true)
        {
            var critic = index < layers.Count && Role(index) == "critic";
            if (critic) index++;
            var ranker = index < layers.Count && Role(index) == "ranker";
            if (ranker)
            {
                var k = layers[index].Components[0].TopK ?? 5;
                topKs.Add((k, candidates));
                candidates = Math.Min(k, candidates);
                index++;
            }

            var option = (critic, ranker) switch { (true, true) => PreFuserOption.CriticRanker, (true, false) => PreFuserOption.Critic, (false, true) => PreFuserOption.Ranker, _ => PreFuserOption.None };
            var evalStart = index;
            evaluation = EvaluationOption.None;
            if (index < layers.Count && Role(index) == "verifier")
            {
                evaluation = EvaluationOption.Verifier;
                index++;
            }
            else if (index + 1 < layers.Count && Role(index) == "unit_test_generator" && Role(index + 1) == "unit_test_evaluator")
            {
                evaluation = EvaluationOption.UnitTests;
                index += 2;
            }

            if (index >= layers.Count || Role(index) != "fuser") return Fail(Math.Min(index, layers.Count - 1), $"expected a fuser layer here (got '{(index < layers.Count ? Role(index) : "end of layers")}')");
            var width = layers[index].Components.Sum(c => c.Samples);
            var last = index == layers.Count - 1;
            if (last)
            {
                if (width != 1) return Fail(index, $"the final fusion layer must be one fuser with one sample (got {width})");
                if (widths.Count > 0 && option != PreFuserOption.None)
                    return Fail(evalStart - 1, "a critic/ranker right before the final fuser is in the space only when that fuser is the only fusion layer");
                if (widths.Count == 0) pre.Add(option);
                break;
            }

            if (evaluation != EvaluationOption.None) return Fail(evalStart, "the evaluation layer may only come right before the final fuser");
            pre.Add(option);
            widths.Add(width);
            candidates = width;
            index++;
        }

        // The encoder writes min(top-k, candidates in) per ranker, so rankers agree when each keeps min(K, its input).
        var topK = topKs.Count == 0 ? 0 : topKs.Max(t => t.K);
        if (topKs.Any(t => t.K != Math.Min(topK, t.In)))
            return Fail(1, $"every ranker must keep the same top_k (the ranker_top_k axis; got {string.Join(", ", topKs.Select(t => t.K))})");
        var models = layers[0].Components.Select(c => c.Model ?? "").ToList();
        return new Result(new SearchPoint(layers[0].Components.Count, samples, widths, pre, evaluation, topK), null, models);
    }
}
