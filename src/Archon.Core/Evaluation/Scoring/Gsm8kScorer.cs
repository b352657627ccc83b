namespace Archon.Core.Evaluation.Scoring;

/// <summary>GSM8K (and the built-in arithmetic problems): the extracted final number equals the gold number.</summary>
public sealed class Gsm8kScorer : IScorer, IMetricNamed
{
    public string Metric => "accuracy";

    public string Name => "final-number";

    public Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken)
    {
        var gold = item.Reference is null ? null : Gsm8kAnswerExtractor.ParseNumber(item.Reference);
        if (gold is null)
        {
            return Task.FromResult(ItemScore.Unscored(item.Id, $"reference '{item.Reference}' is not a number"));
        }

        var got = Gsm8kAnswerExtractor.Extract(answer);
        return Task.FromResult(new ItemScore(item.Id, got == gold ? 1 : 0, true,
            got?.ToString(System.Globalization.CultureInfo.InvariantCulture), got is null ? "no number found" : null));
    }
}
