namespace Archon.Core.Evaluation.Sandbox;

/// <summary>The sandboxed side broke the protocol (oversized, malformed or missing reply). The check fails; it never passes.</summary>
public sealed class SandboxProtocolException : Exception
{
    public SandboxProtocolException()
    {
    }

    public SandboxProtocolException(string message)
        : base(message)
    {
    }

    public SandboxProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
