using Microsoft.Extensions.AI;

namespace Archon.Core.Providers;

public static class ArchonResilienceChatClientBuilderExtensions
{
    /// <summary>Adds retries with backoff, jitter and Retry-After, and a per-attempt timeout (see <see cref="ArchonResilienceOptions"/>).</summary>
    public static ChatClientBuilder UseArchonResilience(this ChatClientBuilder builder, ArchonResilienceOptions? options = null) =>
        builder.Use(inner => new ArchonResilienceChatClient(inner, options ?? new ArchonResilienceOptions()));
}
