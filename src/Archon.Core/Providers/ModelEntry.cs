namespace Archon.Core.Providers;

/// <summary>
/// One model the catalog knows: how to reach it and what it costs. Holds the *name* of the environment variable with
/// the API key, never the key. See docs/model-catalog.md for the file format.
/// </summary>
public sealed record ModelEntry
{
    /// <summary>The id architectures use in "model" (e.g. "Qwen/Qwen2-72B-Instruct").</summary>
    public required string Id { get; init; }

    /// <summary>azure-openai, openai, openai-compatible, anthropic, sim, or a provider registered from code.</summary>
    public required string Provider { get; init; }

    /// <summary>Base URL (OpenAI-compatible: …/v1; Azure: the resource endpoint; Anthropic: optional override).</summary>
    public string? Endpoint { get; init; }

    /// <summary>Azure OpenAI deployment name (defaults to the model name).</summary>
    public string? Deployment { get; init; }

    /// <summary>Name of the environment variable holding the API key. Azure without one uses DefaultAzureCredential.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>The model name sent to the provider when it differs from <see cref="Id"/>.</summary>
    public string? ProviderModel { get; init; }

    public decimal InputPricePerMillion { get; init; }
    public decimal OutputPricePerMillion { get; init; }

    /// <summary>Most calls in flight to this model at once.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Other names architectures use for this model.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The reference model_type tag this entry came from (OpenAI_API, Together_API, ...), if any.</summary>
    public string? ModelType { get; init; }

    public double TimeoutSeconds { get; init; } = 120;
    public int MaxRetries { get; init; } = 4;

    /// <summary>Calls in flight to the whole provider endpoint (shared by all its models); null = unlimited.</summary>
    public int? ProviderMaxConcurrency { get; init; }

    public string ModelName => ProviderModel ?? Id;

    /// <summary>What the model accepts, as the catalog states it (null fields: unknown). See <see cref="EffectiveCapabilities"/>.</summary>
    public ModelCapabilities? Capabilities { get; init; }

    /// <summary>For a reward model (e.g. llm-blender/PairRM): how its scoring endpoint is called; null for chat models.</summary>
    public RewardModelSpec? RewardModel { get; init; }

    /// <summary>The catalog's capabilities over the known family defaults of <see cref="ModelName"/>.</summary>
    public ModelCapabilities EffectiveCapabilities =>
        (Capabilities ?? new ModelCapabilities()).Over(KnownModelFamilies.For(ModelName) ?? KnownModelFamilies.For(Id));

    public decimal CostUsd(long inputTokens, long outputTokens) =>
        (inputTokens * InputPricePerMillion + outputTokens * OutputPricePerMillion) / 1_000_000m;
}
