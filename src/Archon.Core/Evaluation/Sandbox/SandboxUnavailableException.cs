namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// The configured sandbox cannot run here (no bubblewrap, no user namespaces, no session-pool endpoint, ...). Code is
/// never run without the sandbox instead: the evaluation stops with this message, which names what to install or set.
/// </summary>
public sealed class SandboxUnavailableException : Exception
{
    public SandboxUnavailableException()
    {
    }

    public SandboxUnavailableException(string message)
        : base(message)
    {
    }

    public SandboxUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
