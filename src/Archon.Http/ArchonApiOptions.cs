using System.Globalization;
using Archon.Core.Architecture;
using Archon.Core.Execution;

namespace Archon.Http;

/// <summary>Limits of the HTTP API (section <c>ArchonApi</c>). Defaults documented per property.</summary>
public sealed class ArchonApiOptions
{
    public const string SectionName = "ArchonApi";

    /// <summary>Largest accepted request body (default 1 MiB); larger → 413.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest <c>?wait=N</c> in seconds (default 300); larger → 400.</summary>
    public int MaxWaitSeconds { get; set; } = 300;

    /// <summary>How long /v1/chat/completions waits for the orchestration (default 300 s); then 504.</summary>
    public int ChatCompletionTimeoutSeconds { get; set; } = 300;

    /// <summary>Most messages in one conversation (default 256).</summary>
    public int MaxMessages { get; set; } = 256;

    /// <summary>Size limits every architecture a request runs must meet (section <c>ArchonApi:Limits</c>; defaults in <see cref="ExecutionLimits"/>).</summary>
    public ExecutionLimits Limits { get; set; } = new();

    /// <summary>Model calls per query when a request sets no <c>budget.max_calls</c> (default 2,000).</summary>
    public int DefaultMaxCallsPerQuery { get; set; } = 2_000;

    /// <summary>Highest <c>budget.max_calls</c> a request may ask for (default 10,000); higher → 400.</summary>
    public int MaxCallsPerQueryCap { get; set; } = 10_000;

    /// <summary>US dollars per query when a request sets no <c>budget.max_dollars</c> (default 1.00).</summary>
    public decimal DefaultMaxDollarsPerQuery { get; set; } = 1.00m;

    /// <summary>Highest <c>budget.max_dollars</c> a request may ask for (default 10.00); higher → 400.</summary>
    public decimal MaxDollarsPerQueryCap { get; set; } = 10.00m;

    /// <summary>The budget a request gets when it asks for none.</summary>
    public QueryBudget DefaultBudget => new() { MaxCalls = DefaultMaxCallsPerQuery, MaxCostUsd = DefaultMaxDollarsPerQuery };

    /// <summary>Null when valid, else the first rule broken.</summary>
    public string? Validate() =>
        Limits.Validate($"{SectionName}:Limits") is { } limits ? limits
        : DefaultMaxCallsPerQuery < 1 ? $"{SectionName}:DefaultMaxCallsPerQuery: must be at least 1"
        : MaxCallsPerQueryCap < DefaultMaxCallsPerQuery
            ? $"{SectionName}:MaxCallsPerQueryCap: must be at least DefaultMaxCallsPerQuery ({DefaultMaxCallsPerQuery})"
        : DefaultMaxDollarsPerQuery <= 0 ? $"{SectionName}:DefaultMaxDollarsPerQuery: must be more than 0"
        : MaxDollarsPerQueryCap < DefaultMaxDollarsPerQuery
            ? string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:MaxDollarsPerQueryCap: must be at least DefaultMaxDollarsPerQuery ({DefaultMaxDollarsPerQuery})")
        : MaxRequestBytes < 1024 ? $"{SectionName}:MaxRequestBytes: must be at least 1024"
        : MaxWaitSeconds < 0 ? $"{SectionName}:MaxWaitSeconds: must be 0 or more"
        : ChatCompletionTimeoutSeconds < 1 ? $"{SectionName}:ChatCompletionTimeoutSeconds: must be at least 1"
        : MaxMessages < 1 ? $"{SectionName}:MaxMessages: must be at least 1"
        : null;
}
