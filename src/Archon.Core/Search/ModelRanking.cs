using Archon.Core.Execution;

namespace Archon.Core.Search;

/// <summary>
/// Preprocessing output: generator models ranked by their individual dev score, and fuser models ranked by the score
/// they reach fusing random ensembles. Best first. <see cref="PromptTokens"/> is the mean benchmark prompt size.
/// </summary>
public sealed record ModelRanking(IReadOnlyList<ModelProfile> Generators, IReadOnlyList<ModelProfile> Fusers, double PromptTokens = 200)
{
    public ModelProfile Generator(int rank) => Generators[rank % Generators.Count];

    /// <summary>The fuser at a rank; cycles when a layer asks for more fusers than there are models.</summary>
    public ModelProfile Fuser(int rank) => Fusers[rank % Fusers.Count];

    public ModelProfile BestFuser => Fusers[0];

    /// <summary>
    /// A guard for one query under <paramref name="budget"/> (null when unlimited): catalog prices of the ranked models,
    /// and each model's measured average output (capped by max_tokens) as the reservation, so the budget holds on
    /// measured cost without refusing every batch for a worst case that never happens.
    /// </summary>
    public Func<BudgetGuard>? GuardFactory(QueryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        if (budget.IsUnlimited)
        {
            return null;
        }

        var profiles = Generators.Concat(Fusers).GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        (decimal, decimal) Prices(string id) =>
            profiles.TryGetValue(id, out var p) ? ((decimal)p.InputPricePerMillion, (decimal)p.OutputPricePerMillion) : (0m, 0m);
        long Output(ModelCallRequest call) => profiles.TryGetValue(call.ModelId, out var p) ? (long)Math.Ceiling(p.AvgOutputTokens) : call.MaxTokens;
        return () => new BudgetGuard(budget, Prices, Output);
    }
}
