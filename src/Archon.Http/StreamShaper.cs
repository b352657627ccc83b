using System.Text;
using Archon.Core.Streaming;

namespace Archon.Http;

/// <summary>
/// Turns relay events of the streamed final call into the text deltas a client sees, so that the streamed text is
/// exactly the answer the orchestration returns: components trim replies, so leading whitespace is dropped and
/// trailing whitespace is held back until more text follows. After a restart (retried call) only text beyond what
/// was already sent is forwarded, and only while the new attempt agrees with it; otherwise <see cref="Diverged"/>.
/// Pure and deterministic: replaying the same events gives the same deltas, which is what Last-Event-ID resume uses.
/// </summary>
internal sealed class StreamShaper
{
    private readonly StringBuilder _attempt = new();

    public string Emitted { get; private set; } = "";

    public bool Diverged { get; private set; }

    /// <summary>The text to send for this event, or null when there is nothing new.</summary>
    public string? Apply(StreamEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind == StreamEventKinds.Restart)
        {
            _attempt.Clear();
            return null;
        }

        if (e.Kind != StreamEventKinds.Delta || string.IsNullOrEmpty(e.Text))
        {
            return null;
        }

        _attempt.Append(e.Text);
        var visible = _attempt.ToString().Trim();
        if (visible.Length <= Emitted.Length)
        {
            return null;
        }

        if (!visible.StartsWith(Emitted, StringComparison.Ordinal))
        {
            Diverged = true;
            return null;
        }

        var part = visible[Emitted.Length..];
        Emitted = visible;
        return part;
    }

    /// <summary>What is left to send of the final answer, or null when the streamed text is not a prefix of it.</summary>
    public string? Remainder(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.StartsWith(Emitted, StringComparison.Ordinal) ? answer[Emitted.Length..] : null;
    }
}
