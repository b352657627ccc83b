namespace Archon.Core.Prompts;

/// <summary>A prompt pack that cannot be used; the message names the file, the stage and the rule broken.</summary>
public sealed class PromptPackException : Exception
{
    public PromptPackException()
    {
    }

    public PromptPackException(string message)
        : base(message)
    {
    }

    public PromptPackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
