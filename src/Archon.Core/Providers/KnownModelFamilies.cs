namespace Archon.Core.Providers;

/// <summary>
/// Capability defaults of model families whose request limits are published by their providers, matched on the model
/// name sent to the provider (prefix, case-insensitive, after any "org/" part). The first match wins, so more
/// specific prefixes come first. A model matching none keeps today's behaviour.
/// </summary>
public static class KnownModelFamilies
{
    private static readonly ModelCapabilities Reasoning = new()
    {
        Temperature = false, MaxTokensParameter = "max_completion_tokens", Stop = false, N = false,
    };

    private static readonly ModelCapabilities Claude = new() { MaxTemperature = 1.0, MaxTokensParameter = "max_tokens", N = false };

    public static IReadOnlyList<(string Prefix, ModelCapabilities Capabilities)> Families { get; } =
    [
        ("o1-mini", Reasoning with { SystemRole = false, MaxOutputTokens = 65_536 }),
        ("o1-preview", Reasoning with { SystemRole = false, MaxOutputTokens = 32_768 }),
        ("o1", Reasoning with { MaxOutputTokens = 100_000 }),
        ("o3", Reasoning with { MaxOutputTokens = 100_000 }),
        ("o4-mini", Reasoning with { MaxOutputTokens = 100_000 }),
        ("gpt-5", Reasoning with { MaxOutputTokens = 128_000 }),
        ("gpt-4o-2024-05-13", new ModelCapabilities { MaxOutputTokens = 4_096 }),
        ("gpt-4o", new ModelCapabilities { MaxOutputTokens = 16_384 }),
        ("gpt-4-turbo", new ModelCapabilities { MaxOutputTokens = 4_096 }),
        ("gpt-4-", new ModelCapabilities { MaxOutputTokens = 4_096 }),
        ("gpt-3.5-turbo", new ModelCapabilities { MaxOutputTokens = 4_096 }),
        ("claude-3-5-sonnet", Claude with { MaxOutputTokens = 8_192 }),
        ("claude-3-5-haiku", Claude with { MaxOutputTokens = 8_192 }),
        ("claude-3-7-sonnet", Claude with { MaxOutputTokens = 64_000 }),
        ("claude-3-", Claude with { MaxOutputTokens = 4_096 }),
        ("claude-sonnet-4", Claude with { MaxOutputTokens = 64_000 }),
        ("claude-opus-4", Claude with { MaxOutputTokens = 32_000 }),
        ("claude", Claude),
    ];

    /// <summary>The defaults for <paramref name="modelName"/>, or null for an unknown family.</summary>
    public static ModelCapabilities? For(string modelName)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        var name = modelName[(modelName.LastIndexOf('/') + 1)..];
        foreach (var (prefix, capabilities) in Families)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return capabilities;
            }
        }

        return null;
    }
}
