namespace Archon.Core.Search;

/// <summary>
/// Turns a search point into its layer plan, in the paper's layer order: generators, then per fusion layer its
/// pre-fusion slot (critic, ranker, or critic then ranker) and its fusers, the (optional) evaluation layer, and the
/// single final fuser. Critic, ranker, verifier, unit-test components and the final fuser use the best-ranked fuser
/// model; a layer of width F uses the top-F fusers. Both the encoder and the cost estimator read this one plan.
/// </summary>
public static class ArchitecturePlanner
{
    public static IReadOnlyList<PlannedLayer> Plan(SearchPoint point, ModelRanking ranking)
    {
        var layers = new List<PlannedLayer>
        {
            new("generator", [.. Enumerable.Range(0, point.Generators).Select(i => new PlannedComponent(ranking.Generator(i), point.Samples))]),
        };

        var judge = ranking.BestFuser;
        var candidates = point.InitialCandidates;
        for (var layer = 0; layer < point.FusionLayers; layer++)
        {
            var final = layer == point.FusionLayers - 1;
            if (!final || point.Widths.Count == 0)
            {
                candidates = AddPreFusion(layers, point.PreFusion[Math.Min(layer, point.PreFusion.Count - 1)], judge, point.RankerTopK, candidates);
            }

            if (final)
            {
                AddEvaluation(layers, point.Evaluation, judge);
                layers.Add(new PlannedLayer("fuser", [new PlannedComponent(judge, 1)]));
            }
            else
            {
                layers.Add(new PlannedLayer("fuser", FusersFor(point.Widths[layer], ranking)));
                candidates = point.Widths[layer];
            }
        }

        return layers;
    }

    private static int AddPreFusion(List<PlannedLayer> layers, PreFuserOption option, ModelProfile judge, int topK, int candidates)
    {
        if (SearchPoint.HasCritic(option))
        {
            layers.Add(new PlannedLayer("critic", [new PlannedComponent(judge, 1)]));
        }

        if (!SearchPoint.HasRanker(option))
        {
            return candidates;
        }

        var kept = Math.Min(topK, candidates);
        layers.Add(new PlannedLayer("ranker", [new PlannedComponent(judge, 1)], kept));
        return kept;
    }

    private static void AddEvaluation(List<PlannedLayer> layers, EvaluationOption evaluation, ModelProfile judge)
    {
        switch (evaluation)
        {
            case EvaluationOption.Verifier:
                layers.Add(new PlannedLayer("verifier", [new PlannedComponent(judge, 1)]));
                break;
            case EvaluationOption.UnitTests:
                layers.Add(new PlannedLayer("unit_test_generator", [new PlannedComponent(judge, 1)]));
                layers.Add(new PlannedLayer("unit_test_evaluator", [new PlannedComponent(judge, 1)]));
                break;
        }
    }

    /// <summary>The top-F fuser models; when F exceeds the ranked fusers the best ones draw extra samples.</summary>
    private static IReadOnlyList<PlannedComponent> FusersFor(int count, ModelRanking ranking)
    {
        var distinct = Math.Min(count, ranking.Fusers.Count);
        return [.. Enumerable.Range(0, distinct).Select(i =>
            new PlannedComponent(ranking.Fuser(i), count / distinct + (i < count % distinct ? 1 : 0)))];
    }
}
