namespace Archon.Core.Providers;

/// <summary>
/// How a reward model's scoring endpoint is called (docs/model-catalog.md, "Reward models"). <see cref="Protocol"/>
/// is "pairwise" (POST {endpoint}/compare: the endpoint prefers one of two responses) or "pointwise"
/// (POST {endpoint}/score: one score per response, higher is better).
/// </summary>
public sealed record RewardModelSpec
{
    public string Protocol { get; init; } = "pointwise";

    /// <summary>Responses scored per request (pointwise); the reference's ranker_batch_size plays the same role.</summary>
    public int BatchSize { get; init; } = 32;
}
