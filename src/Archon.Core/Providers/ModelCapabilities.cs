namespace Archon.Core.Providers;

/// <summary>
/// What a model accepts in a request. Every field is optional: null means "not known", and the request goes out as
/// Archon built it (today's behaviour). A catalog entry's <c>capabilities</c> override the defaults of its known
/// model family (<see cref="KnownModelFamilies"/>) field by field. See docs/model-catalog.md.
/// </summary>
public sealed record ModelCapabilities
{
    /// <summary>False: the model rejects <c>temperature</c> (o1, o3, gpt-5 reasoning models), so it is not sent.</summary>
    public bool? Temperature { get; init; }

    /// <summary>Highest temperature accepted (Anthropic: 1.0); higher values are clamped.</summary>
    public double? MaxTemperature { get; init; }

    /// <summary>Wire name of the output-token limit on OpenAI-protocol endpoints: "max_tokens" or "max_completion_tokens".</summary>
    public string? MaxTokensParameter { get; init; }

    /// <summary>Most output tokens the model can produce; larger requests are clamped to it.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>False: no system role (o1-mini, o1-preview); system text is folded into the first user message.</summary>
    public bool? SystemRole { get; init; }

    /// <summary>False: stop sequences are rejected and are not sent.</summary>
    public bool? Stop { get; init; }

    /// <summary>False: the model takes no <c>n</c> (several choices per call). Archon draws samples as separate calls, so it never sends n.</summary>
    public bool? N { get; init; }

    /// <summary>This entry's fields where set, else <paramref name="fallback"/>'s.</summary>
    public ModelCapabilities Over(ModelCapabilities? fallback) => fallback is null ? this : new ModelCapabilities
    {
        Temperature = Temperature ?? fallback.Temperature,
        MaxTemperature = MaxTemperature ?? fallback.MaxTemperature,
        MaxTokensParameter = MaxTokensParameter ?? fallback.MaxTokensParameter,
        MaxOutputTokens = MaxOutputTokens ?? fallback.MaxOutputTokens,
        SystemRole = SystemRole ?? fallback.SystemRole,
        Stop = Stop ?? fallback.Stop,
        N = N ?? fallback.N,
    };

    public bool IsEmpty => this == new ModelCapabilities();
}
