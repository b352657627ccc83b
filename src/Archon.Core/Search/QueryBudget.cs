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
}
