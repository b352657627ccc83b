namespace Archon.Core.Execution;

/// <summary>Hard per-query limits; null means unlimited. Checked before each batch is dispatched.</summary>
public sealed record QueryBudget
{
    public int? MaxCalls { get; init; }
    public long? MaxInputTokens { get; init; }

    /// <summary>Output tokens, bounded in advance by each call's max_tokens.</summary>
    public long? MaxOutputTokens { get; init; }

    public decimal? MaxCostUsd { get; init; }

    public static QueryBudget Unlimited { get; } = new();
}
