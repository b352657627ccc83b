namespace Archon.Core.Evaluation.Sandbox;

/// <summary>One side of a check (checker or candidate) that answers one message line with one line.</summary>
internal interface ISandboxPeer
{
    /// <summary>Sends <paramref name="line"/> and returns the reply line; null when the peer is gone (exited, closed).</summary>
    Task<string?> ExchangeAsync(string line, CancellationToken cancellationToken);

    /// <summary>Diagnostics (stderr tail or session output); never used for the verdict.</summary>
    string Output { get; }
}
