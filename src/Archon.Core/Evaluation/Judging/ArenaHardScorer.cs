using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation.Judging;

/// <summary>
/// Arena-Hard pairwise judging against the baseline answer, both positions: game 1 puts the baseline as A and the
/// model as B, game 2 swaps them (as arena-hard-auto does). <see cref="ItemScore.Extracted"/> keeps both raw labels
/// ("B>A|A=B") for <see cref="ArenaHardAggregator"/>; the item value is the model's weighted share of that item's
/// two games. A game without exactly one distinct verdict is retried once (2 attempts upstream), then left out.
/// </summary>
public sealed class ArenaHardScorer(IChatClient judge, ArenaHardJudgeConfig config, int maxTokens = 4096) : IScorer
{
    public string Name => $"arena-hard-pairwise ({config.Version})";

    public ArenaHardJudgeConfig Config => config;

    public async Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken)
    {
        if (item.Reference is null)
        {
            return ItemScore.Unscored(item.Id, "no baseline answer in the offline copy for this category");
        }

        var system = config.SystemPromptFor(item.Metadata.GetValueOrDefault(MetadataKeys.JudgeGroup));
        var g1 = await GameAsync(system, item.Turns[0], item.Reference, answer ?? "", cancellationToken);
        var g2 = await GameAsync(system, item.Turns[0], answer ?? "", item.Reference, cancellationToken);
        var battles = ArenaHardAggregator.ToBattles(g1, g2, config.StrongVerdictWeight);
        if (battles.Count == 0)
        {
            return ItemScore.Unscored(item.Id, "no valid verdict in either position");
        }

        var value = battles.Sum(b => b.ModelScore) / battles.Count;
        return new ItemScore(item.Id, value, true, $"{g1 ?? "?"}|{g2 ?? "?"}", "game1: A=baseline,B=model; game2: A=model,B=baseline");
    }

    private async Task<string?> GameAsync(string system, string question, string a, string b, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var judgment = await JudgeCall.AskAsync(judge, system, config.Fill(question, a, b), maxTokens, ct);
            if (VerdictParsers.ParseArenaHard(judgment, config.Patterns) is { } label && ArenaHardAggregator.IsValidLabel(label))
            {
                return label;
            }
        }

        return null;
    }
}
