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

    /// <summary>
    /// When true, a model the catalog does not list but whose architecture component has this model_type resolves
    /// with these defaults (used for local servers — tgi, vLLM — where model names are whatever was deployed).
    /// </summary>
    public bool AcceptAnyModel { get; init; }

    public decimal InputPricePerMillion { get; init; }
    public decimal OutputPricePerMillion { get; init; }
}
