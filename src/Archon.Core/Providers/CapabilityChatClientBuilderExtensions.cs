using Microsoft.Extensions.AI;

namespace Archon.Core.Providers;

public static class CapabilityChatClientBuilderExtensions
{
    /// <summary>Adapts requests to <paramref name="capabilities"/> (see <see cref="CapabilityAdaptingChatClient"/>); a no-op when nothing is known.</summary>
    public static ChatClientBuilder UseCapabilities(this ChatClientBuilder builder, ModelCapabilities capabilities, bool openAIProtocol)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.IsEmpty ? builder : builder.Use(inner => new CapabilityAdaptingChatClient(inner, capabilities, openAIProtocol));
    }
}
