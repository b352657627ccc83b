using Archon.Core.Execution;

namespace Archon.Core.Search;

/// <summary>Estimated per-query cost of one architecture; <see cref="LayerCalls"/> holds the calls of each layer in order.</summary>
public sealed record CostEstimate(int Calls, long InputTokens, long OutputTokens, double Dollars, double LatencyMs, IReadOnlyList<int> LayerCalls)
{
    /// <summary>True when the estimate fits every limit of <paramref name="budget"/> (architectures that do not are never proposed).</summary>
    public bool Within(QueryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return budget.Allows(Calls, InputTokens, OutputTokens, (decimal)Dollars);
    }
}
