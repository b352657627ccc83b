namespace Archon.Core.Evaluation.Sandbox;

/// <summary>The session pool refused or failed a request (auth, quota, unreachable). Names the HTTP status and the service's message.</summary>
public sealed class SessionPoolException : Exception
{
    public SessionPoolException()
    {
    }

    public SessionPoolException(string message)
        : base(message)
    {
    }

    public SessionPoolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
