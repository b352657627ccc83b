using System.Text.Json;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// The checker's side in its own dynamic session (only trusted code runs there: the checker and the dataset's tests).
/// A REST execution cannot block on a pipe, so each step re-runs the seeded checker against the [request, reply] pairs
/// so far, kept in the checker kernel, and stops at the next unanswered call (checker.py <c>replay_step</c>).
/// </summary>
internal sealed class SessionCheckerPeer(SessionPoolClient client, string sessionId, int timeoutSeconds) : ISandboxPeer
{
    private string? _pendingRequest;

    public string Output { get; private set; } = "";

    public async Task<string?> ExchangeAsync(string line, CancellationToken cancellationToken)
    {
        const string step = "print(replay_step(__archon_spec, __archon_t))";
        var code = _pendingRequest is null
            ? $"__archon_session = True\n{SandboxScripts.Checker}\n__archon_spec = json.loads({SessionCode.B64(line)})\n__archon_t = []\n{step}\n"
            : $"__archon_t.append([json.loads({SessionCode.B64(_pendingRequest)}), {SessionCode.B64(line)}])\n{step}\n";
        var run = await client.ExecuteAsync(sessionId, code, timeoutSeconds, cancellationToken);
        Output = run.Stderr;
        var message = run.Succeeded ? SessionCode.LastLine(run.Stdout) : null;
        _pendingRequest = null;
        if (message is not null)
        {
            using var doc = JsonDocument.Parse(message);
            if (doc.RootElement.TryGetProperty("request", out var request)) { _pendingRequest = request.GetRawText(); }
        }

        return message;
    }
}
