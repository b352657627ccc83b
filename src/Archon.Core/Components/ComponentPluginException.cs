namespace Archon.Core.Components;

/// <summary>A component plugin that cannot be loaded; the message names the assembly and what is wrong.</summary>
public sealed class ComponentPluginException : Exception
{
    public ComponentPluginException()
    {
    }

    public ComponentPluginException(string message)
        : base(message)
    {
    }

    public ComponentPluginException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
