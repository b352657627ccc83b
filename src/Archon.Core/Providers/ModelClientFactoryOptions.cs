using Archon.Core.Caching;
using Azure.Core;

namespace Archon.Core.Providers;

/// <summary>How <see cref="ModelClientFactory"/> builds provider stacks. Defaults: no cache, resilience from the catalog entry.</summary>
public sealed record ModelClientFactoryOptions
{
    /// <summary>Response cache store (<see cref="ArchonCachingChatClient"/>); null disables caching. Hosts set the result store.</summary>
    public IResponseCacheStore? Cache { get; init; }

    /// <summary>Base resilience settings; MaxRetries and AttemptTimeout come from each catalog entry.</summary>
    public ArchonResilienceOptions Resilience { get; init; } = new();

    /// <summary>Reads environment variables (API keys by the names the catalog gives); replaceable in tests.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Entra ID credential for Azure OpenAI entries without an API key variable; default DefaultAzureCredential.</summary>
    public TokenCredential? AzureCredential { get; init; }
}
