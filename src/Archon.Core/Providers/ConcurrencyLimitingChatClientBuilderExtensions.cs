using Microsoft.Extensions.AI;

namespace Archon.Core.Providers;

public static class ConcurrencyLimitingChatClientBuilderExtensions
{
    /// <summary>Caps calls in flight through <paramref name="gate"/> (share the gate between clients to share the cap).</summary>
    public static ChatClientBuilder UseConcurrencyLimit(this ChatClientBuilder builder, SemaphoreSlim gate) =>
        builder.Use(inner => new ConcurrencyLimitingChatClient(inner, gate));

    /// <summary>Caps calls in flight through this client at <paramref name="maxConcurrency"/>.</summary>
    public static ChatClientBuilder UseConcurrencyLimit(this ChatClientBuilder builder, int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        return builder.UseConcurrencyLimit(new SemaphoreSlim(maxConcurrency, maxConcurrency));
    }
}
