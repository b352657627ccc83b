namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// The candidate's side in a dynamic session: the first execution defines the agent in the session's kernel, each
/// request is one execution whose last stdout line is the reply. The session is the candidate's alone (Hyper-V).
/// </summary>
internal sealed class SessionCandidatePeer(SessionPoolClient client, string sessionId, int timeoutSeconds) : ISandboxPeer
{
    private bool _started;

    public string Output { get; private set; } = "";

    public async Task<string?> ExchangeAsync(string line, CancellationToken cancellationToken)
    {
        var call = $"print(session_handle(__archon_agent, {SessionCode.B64(line)}))";
        var code = _started ? call : $"__archon_session = True\n{SandboxScripts.Agent}\n__archon_agent = Agent()\n{call}\n";
        _started = true;
        var run = await client.ExecuteAsync(sessionId, code, timeoutSeconds, cancellationToken);
        Output = run.Stderr;
        return run.Succeeded ? SessionCode.LastLine(run.Stdout) : null;
    }
}
