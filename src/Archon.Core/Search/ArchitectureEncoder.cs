using Archon.Core.Architecture;

namespace Archon.Core.Search;

/// <summary>
/// Encodes search points as real <see cref="ArchitectureConfig"/>s (the configs the runner executes and
/// <c>archon run</c> accepts) and decodes such configs back into points by reading their layer structure.
/// </summary>
public sealed class ArchitectureEncoder(ModelRanking ranking, int rankerTopK = 5, double temperature = 0.7, int maxTokens = 2048)
{
    public ModelRanking Ranking => ranking;

    public IReadOnlyList<PlannedLayer> Plan(SearchPoint point) => ArchitecturePlanner.Plan(point, ranking, rankerTopK);

    public CostEstimate Estimate(SearchPoint point) => CostEstimator.Estimate(Plan(point), ranking.PromptTokens);

    /// <summary>Layers appended to every encoded architecture (the spec's <c>final_layers</c>).</summary>
    public IReadOnlyList<LayerConfig> FinalLayers { get; init; } = [];

    public ArchitectureConfig Encode(SearchPoint point) => new()
    {
        Name = "search-" + point.Key,
        Layers = [.. PlannedLayers(point), .. FinalLayers],
    };

    private IEnumerable<LayerConfig> PlannedLayers(SearchPoint point) => Plan(point).Select(layer => new LayerConfig([.. layer.Components.Select(c => new ComponentConfig
        {
            Type = layer.Role,
            Model = c.Model.Id,
            Temperature = temperature,
            MaxTokens = maxTokens,
            Samples = c.Samples,
            TopK = layer.TopK,
            UseCritiques = layer.Role == "ranker" && point.PreFuser == PreFuserOption.CriticRanker,
        })]));

    /// <summary>Reads the axis values back from a config built by <see cref="Encode"/>; null when the config does not
    /// have that shape (e.g. a hand-written architecture outside the space).</summary>
    public static SearchPoint? Decode(ArchitectureConfig config)
    {
        var layers = config.Layers;
        if (layers.Count < 2 || layers[0].Components.Count == 0 || layers[0].Components.Any(c => c.Type != "generator"))
        {
            return null;
        }

        var generators = layers[0].Components.Count;
        var samples = layers[0].Components[0].Samples;
        if (layers[0].Components.Any(c => c.Samples != samples))
        {
            return null;
        }

        var roles = layers.Skip(1).Select(l => l.Components.Count > 0 ? l.Components[0].Type : "").ToList();
        var index = 0;
        var pre = PreFuserOption.None;
        if (index < roles.Count && roles[index] == "critic" && index + 1 < roles.Count && roles[index + 1] == "ranker")
        {
            pre = PreFuserOption.CriticRanker;
            index += 2;
        }
        else if (index < roles.Count && roles[index] == "ranker")
        {
            pre = PreFuserOption.Ranker;
            index++;
        }

        var fusers = 0;
        var intermediate = 0;
        while (index < roles.Count - 1 && roles[index] == "fuser")
        {
            var width = layers[index + 1].Components.Sum(c => c.Samples);
            if (intermediate > 0 && width != fusers)
            {
                return null;
            }

            fusers = width;
            intermediate++;
            index++;
        }

        var evaluation = EvaluationOption.None;
        if (index < roles.Count - 1 && roles[index] == "verifier")
        {
            evaluation = EvaluationOption.Verifier;
            index++;
        }
        else if (index < roles.Count - 2 && roles[index] == "unit_test_generator" && roles[index + 1] == "unit_test_evaluator")
        {
            evaluation = EvaluationOption.UnitTests;
            index += 2;
        }

        var last = layers[^1].Components;
        if (index != roles.Count - 1 || last.Count != 1 || last[0].Type != "fuser" || last[0].Samples != 1)
        {
            return null;
        }

        return new SearchPoint(generators, samples, intermediate + 1, fusers, pre, evaluation);
    }
}
