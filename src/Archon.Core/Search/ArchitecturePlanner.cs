namespace Archon.Core.Search;

/// <summary>
/// Turns a search point into its layer plan. Layer order follows the paper's architectures: generators, then (optional)
/// critic and ranker, intermediate fusion layers, the (optional) evaluation layer, and a single final fuser.
/// </summary>
public static class ArchitecturePlanner
{
    public static IReadOnlyList<PlannedLayer> Plan(SearchPoint point, ModelRanking ranking, int rankerTopK)
    {
        var layers = new List<PlannedLayer>
        {
            new("generator", [.. Enumerable.Range(0, point.Generators).Select(i => new PlannedComponent(ranking.Generator(i), point.Samples))]),
        };

        var judge = ranking.BestFuser;
        var topK = Math.Min(rankerTopK, point.InitialCandidates);
        if (point.PreFuser == PreFuserOption.CriticRanker)
        {
            layers.Add(new PlannedLayer("critic", [new PlannedComponent(judge, 1)]));
        }

        if (point.PreFuser is PreFuserOption.Ranker or PreFuserOption.CriticRanker)
        {
            layers.Add(new PlannedLayer("ranker", [new PlannedComponent(judge, 1)], topK));
        }

        for (var layer = 1; layer < point.FusionLayers; layer++)
        {
            layers.Add(new PlannedLayer("fuser", FusersFor(point.FusersPerLayer, ranking)));
        }

        switch (point.Evaluation)
        {
            case EvaluationOption.Verifier:
                layers.Add(new PlannedLayer("verifier", [new PlannedComponent(judge, 1)]));
                break;
            case EvaluationOption.UnitTests:
                layers.Add(new PlannedLayer("unit_test_generator", [new PlannedComponent(judge, 1)]));
                layers.Add(new PlannedLayer("unit_test_evaluator", [new PlannedComponent(judge, 1)]));
                break;
        }

        layers.Add(new PlannedLayer("fuser", [new PlannedComponent(judge, 1)]));
        return layers;
    }

    /// <summary>The top-F fuser models; when F exceeds the ranked fusers the best ones draw extra samples.</summary>
    private static IReadOnlyList<PlannedComponent> FusersFor(int count, ModelRanking ranking)
    {
        var distinct = Math.Min(count, ranking.Fusers.Count);
        return [.. Enumerable.Range(0, distinct).Select(i =>
            new PlannedComponent(ranking.Fuser(i), count / distinct + (i < count % distinct ? 1 : 0)))];
    }
}
