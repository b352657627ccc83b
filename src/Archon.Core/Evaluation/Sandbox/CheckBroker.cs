using System.Text.Json;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Relays between the checker (trusted: it holds the tests and sends the verdict) and the candidate (untrusted: it only
/// answers calls). The verdict is read from the checker alone; anything wrong on the candidate's side fails the check.
/// </summary>
internal static class CheckBroker
{
    public static async Task<(bool Passed, string Detail)> RunAsync(ISandboxPeer checker, ISandboxPeer candidate, string spec,
        int maxCalls, CancellationToken cancellationToken)
    {
        var message = await checker.ExchangeAsync(spec, cancellationToken);
        for (var calls = 0; ; calls++)
        {
            if (message is null)
            {
                return (false, "checker ended without a verdict: " + Tail(checker.Output));
            }

            using var doc = JsonDocument.Parse(message);
            var root = doc.RootElement;
            var kind = root.GetProperty("kind").GetString();
            if (kind == "verdict")
            {
                return (root.GetProperty("passed").GetBoolean(), root.GetProperty("detail").GetString() ?? "");
            }

            if (kind != "rpc")
            {
                return (false, $"checker sent an unknown message kind '{kind}'");
            }

            if (calls >= maxCalls)
            {
                return (false, $"more than {maxCalls} calls to the candidate");
            }

            var reply = await candidate.ExchangeAsync(root.GetProperty("request").GetRawText(), cancellationToken);
            if (reply is null)
            {
                return (false, "candidate process ended before answering (exit, crash or limit): " + Tail(candidate.Output));
            }

            message = await checker.ExchangeAsync(reply, cancellationToken);
        }
    }

    internal static string Tail(string s)
    {
        var lines = s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output)" : lines[^1];
    }
}
