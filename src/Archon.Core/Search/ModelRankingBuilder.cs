using Archon.Core.Architecture;
using Archon.Core.Search.Execution;

namespace Archon.Core.Search;

/// <summary>
/// Preprocessing on the dev split, as the paper: ranks every model alone (one generator, one sample), then ranks every
/// model as the fuser of seeded random ensembles of <see cref="SearchSpec.RankingEnsembleSize"/> generator outputs
/// (default 10; each output from a model drawn at random, so a model may contribute several samples), averaged over
/// <see cref="SearchSpec.RankingEnsembles"/> ensembles. Each fuser's score carries its standard error over the items
/// (the per-item score averaged over the ensembles), so ranking.json shows which fusers are really apart. Also
/// measures each model's output tokens and latency for the budget estimates. The result is stored by the host; all
/// its model calls go through the search cache, so they are shared with the candidates that follow.
/// </summary>
public sealed class ModelRankingBuilder(ArchitectureEvaluator evaluator, ISearchEnvironment environment)
{
    public async Task<ModelRanking> BuildAsync(SearchSpec spec, CancellationToken cancellationToken)
    {
        var models = environment.Models(spec);
        if (models.Count == 0)
        {
            throw new SearchSpecException($"catalog '{spec.Catalog}': no models to search over");
        }

        var items = environment.Items(spec, "dev");
        var alone = new List<ModelProfile>();
        var errors = new List<string>();
        foreach (var model in models)
        {
            var score = await evaluator.EvaluateAsync(Single(model), items, spec.ItemParallelism, cancellationToken).ConfigureAwait(false);
            if (score.AllFailed)
            {
                // A model that cannot be reached is left out of the space rather than ranked with a score of 0.
                errors.Add($"{model.Id}: {score.Error}");
                continue;
            }

            alone.Add(model with
            {
                Score = Math.Round(score.Score, 3),
                StandardError = Math.Round(score.StdError, 3),
                AvgOutputTokens = score.OutputTokensPerCall > 0 ? score.OutputTokensPerCall : model.AvgOutputTokens,
                AvgLatencyMs = score.LatencyMs > 0 ? score.LatencyMs : model.AvgLatencyMs,
            });
        }

        if (alone.Count == 0)
        {
            throw new SearchFailedException($"preprocessing: every model call failed for all {models.Count} models ({string.Join("; ", errors.Take(3))})");
        }

        var generators = alone.OrderByDescending(m => m.Score).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var rng = new Random(spec.Seed);
        var ensembles = Enumerable.Range(0, spec.RankingEnsembles)
            .Select(_ => Enumerable.Range(0, spec.RankingEnsembleSize).Select(_ => generators[rng.Next(generators.Count)]).ToList()).ToList();
        var fusers = new List<ModelProfile>();
        foreach (var fuser in generators)
        {
            var perItem = new double[items.Count];
            foreach (var ensemble in ensembles)
            {
                var score = await evaluator.EvaluateAsync(Fused(ensemble, fuser), items, spec.ItemParallelism, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < items.Count; i++)
                {
                    perItem[i] += 100 * Math.Min(1, score.ItemScores[i].Value) / ensembles.Count;
                }
            }

            var mean = perItem.Length > 0 ? perItem.Average() : 0;
            var se = perItem.Length > 1 ? Math.Sqrt(perItem.Sum(v => (v - mean) * (v - mean)) / (perItem.Length - 1) / perItem.Length) : 0;
            fusers.Add(fuser with { Score = Math.Round(mean, 3), StandardError = Math.Round(se, 3) });
        }

        var prompt = items.Count > 0 ? items.Average(i => i.Turns[0].Length / 4.0) : 200;
        return new ModelRanking(generators, [.. fusers.OrderByDescending(m => m.Score).ThenBy(m => m.Id, StringComparer.Ordinal)], prompt);
    }

    private static ArchitectureConfig Single(ModelProfile model) => new()
    {
        Name = "rank-" + model.Id,
        Layers = [new LayerConfig([new ComponentConfig { Type = "generator", Model = model.Id }])],
    };

    private static ArchitectureConfig Fused(IReadOnlyList<ModelProfile> ensemble, ModelProfile fuser) => new()
    {
        Name = "rank-fuser-" + fuser.Id,
        Layers =
        [
            new LayerConfig([.. ensemble.GroupBy(m => m.Id, StringComparer.Ordinal)
                .Select(g => new ComponentConfig { Type = "generator", Model = g.Key, Samples = g.Count() })]),
            new LayerConfig([new ComponentConfig { Type = "fuser", Model = fuser.Id }]),
        ],
    };
}
