namespace Archon.Core.Search;

/// <summary>Hard per-query limits. Architectures whose estimate exceeds any of them are removed from the space
/// (they are never proposed), rather than evaluated and scored −1 as the reference does.</summary>
public sealed record QueryBudget
{
    public int? MaxCalls { get; init; }
    public long? MaxInputTokens { get; init; }
    public long? MaxOutputTokens { get; init; }
    public double? MaxDollars { get; init; }

    public static QueryBudget Unlimited { get; } = new();

    public bool Allows(CostEstimate estimate) =>
        (MaxCalls is null || estimate.Calls <= MaxCalls)
        && (MaxInputTokens is null || estimate.InputTokens <= MaxInputTokens)
        && (MaxOutputTokens is null || estimate.OutputTokens <= MaxOutputTokens)
        && (MaxDollars is null || estimate.Dollars <= MaxDollars);

    /// <summary>The first limit the estimate exceeds as "budget.field: rule", or null.</summary>
    public string? Violation(CostEstimate estimate) => estimate switch
    {
        _ when MaxCalls is { } c && estimate.Calls > c => FormattableString.Invariant($"budget.max_calls: needs {estimate.Calls} calls per query, limit {c}"),
        _ when MaxInputTokens is { } i && estimate.InputTokens > i => FormattableString.Invariant($"budget.max_input_tokens: needs ~{estimate.InputTokens}, limit {i}"),
        _ when MaxOutputTokens is { } o && estimate.OutputTokens > o => FormattableString.Invariant($"budget.max_output_tokens: needs ~{estimate.OutputTokens}, limit {o}"),
        _ when MaxDollars is { } d && estimate.Dollars > d => FormattableString.Invariant($"budget.max_dollars: needs ~${estimate.Dollars:0.####}, limit ${d}"),
        _ => null,
    };
}
