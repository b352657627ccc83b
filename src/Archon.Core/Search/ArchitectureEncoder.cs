using Archon.Core.Architecture;

namespace Archon.Core.Search;

/// <summary>
/// Encodes search points as real <see cref="ArchitectureConfig"/>s (the configs the runner executes and
/// <c>archon run</c> accepts); <see cref="ArchitectureDecoder"/> reads such configs back into points.
/// </summary>
public sealed class ArchitectureEncoder(ModelRanking ranking, double temperature = 0.7, int maxTokens = 2048)
{
    public ModelRanking Ranking => ranking;

    public IReadOnlyList<PlannedLayer> Plan(SearchPoint point) => ArchitecturePlanner.Plan(point, ranking);

    public CostEstimate Estimate(SearchPoint point) => CostEstimator.Estimate(Plan(point), ranking.PromptTokens);

    /// <summary>Layers appended to every encoded architecture (the spec's <c>final_layers</c>).</summary>
    public IReadOnlyList<LayerConfig> FinalLayers { get; init; } = [];

    public ArchitectureConfig Encode(SearchPoint point)
    {
        var plan = Plan(point);
        return new ArchitectureConfig
        {
            Name = "search-" + point.Key,
            Layers = [.. plan.Select((layer, i) => new LayerConfig([.. layer.Components.Select(c => new ComponentConfig
            {
                Type = layer.Role,
                Model = c.Model.Id,
                Temperature = temperature,
                MaxTokens = maxTokens,
                Samples = c.Samples,
                TopK = layer.TopK,
                // A ranker right after a critic ranks with the critiques, as the reference's critic → ranker pairs do.
                UseCritiques = layer.Role == "ranker" && i > 0 && plan[i - 1].Role == "critic",
            })])), .. FinalLayers],
        };
    }

    /// <summary>Reads the axis values back from a config; null when the config does not have a search-space shape.</summary>
    public static SearchPoint? Decode(ArchitectureConfig config) => ArchitectureDecoder.Decode(config).Point;
}
