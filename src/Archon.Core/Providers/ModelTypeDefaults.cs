namespace Archon.Core.Providers;

/// <summary>
/// Catalog defaults for one reference <c>model_type</c> (OpenAI_API, Together_API, Anthropic_API, Groq_API, Google_API,
/// tgi, vLLM, Bedrock_API): models of that type inherit provider, endpoint, key variable and caps unless they override them.
/// </summary>
public sealed record ModelTypeDefaults
{
    public required string Provider { get; init; }
    public string? Endpoint { get; init; }
    public string? ApiKeyEnv { get; init; }
    public int? MaxConcurrency { get; init; }
}
