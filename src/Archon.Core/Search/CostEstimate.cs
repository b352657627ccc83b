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

    /// <summary>The first limit of <paramref name="budget"/> this estimate exceeds as "budget.field: rule", or null.</summary>
    public string? Violation(QueryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return budget switch
        {
            { MaxCalls: { } c } when Calls > c => FormattableString.Invariant($"budget.max_calls: needs {Calls} calls per query, limit {c}"),
            { MaxInputTokens: { } i } when InputTokens > i => FormattableString.Invariant($"budget.max_input_tokens: needs ~{InputTokens}, limit {i}"),
            { MaxOutputTokens: { } o } when OutputTokens > o => FormattableString.Invariant($"budget.max_output_tokens: needs ~{OutputTokens}, limit {o}"),
            { MaxCostUsd: { } d } when (decimal)Dollars > d => FormattableString.Invariant($"budget.max_dollars: needs ~${Dollars:0.####}, limit ${d}"),
            _ => null,
        };
    }
}
