using System.Globalization;

namespace Archon.Core.Execution;

/// <summary>
/// Hard per-query limits; null means unlimited. The one budget type: execution enforces it as calls are made
/// (<see cref="BudgetGuard"/>), search uses it to keep out-of-budget architectures out of the space and to mark
/// candidates whose measured cost exceeds it, and the HTTP API applies it per request.
/// </summary>
public sealed record QueryBudget
{
    public int? MaxCalls { get; init; }
    public long? MaxInputTokens { get; init; }

    /// <summary>Output tokens, bounded in advance by each call's max_tokens.</summary>
    public long? MaxOutputTokens { get; init; }

    /// <summary>US dollars per query (spec field <c>max_dollars</c>).</summary>
    public decimal? MaxCostUsd { get; init; }

    public static QueryBudget Unlimited { get; } = new();

    public bool IsUnlimited => MaxCalls is null && MaxInputTokens is null && MaxOutputTokens is null && MaxCostUsd is null;

    /// <summary>True when the given per-query figures are within every limit set.</summary>
    public bool Allows(long calls, long inputTokens, long outputTokens, decimal costUsd) =>
        (MaxCalls is null || calls <= MaxCalls)
        && (MaxInputTokens is null || inputTokens <= MaxInputTokens)
        && (MaxOutputTokens is null || outputTokens <= MaxOutputTokens)
        && (MaxCostUsd is null || costUsd <= MaxCostUsd);

    /// <summary>Each limit the tighter of the two (null = the other's); a request can lower a server's budget, never raise it.</summary>
    public QueryBudget Tighten(QueryBudget other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new QueryBudget
        {
            MaxCalls = Min(MaxCalls, other.MaxCalls),
            MaxInputTokens = Min(MaxInputTokens, other.MaxInputTokens),
            MaxOutputTokens = Min(MaxOutputTokens, other.MaxOutputTokens),
            MaxCostUsd = Min(MaxCostUsd, other.MaxCostUsd),
        };
    }

    /// <summary>"calls ≤ 40, $ ≤ 0.05" (or "unlimited"), for reports and errors.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (MaxCalls is { } c) parts.Add(string.Create(CultureInfo.InvariantCulture, $"calls <= {c}"));
        if (MaxInputTokens is { } i) parts.Add(string.Create(CultureInfo.InvariantCulture, $"input tokens <= {i}"));
        if (MaxOutputTokens is { } o) parts.Add(string.Create(CultureInfo.InvariantCulture, $"output tokens <= {o}"));
        if (MaxCostUsd is { } d) parts.Add(string.Create(CultureInfo.InvariantCulture, $"$ <= {d:0.######}"));
        return parts.Count == 0 ? "unlimited" : string.Join(", ", parts);
    }

    private static T? Min<T>(T? a, T? b) where T : struct, IComparable<T> =>
        a is null ? b : b is null ? a : (a.Value.CompareTo(b.Value) <= 0 ? a : b);
}
