using System.Text;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Reads newline-terminated messages from a pipe the candidate can write to, with a hard cap per line: a reply that
/// never ends or is larger than the cap is a protocol failure, not a memory problem for the host.
/// </summary>
internal sealed class CappedLineReader(StreamReader reader, int maxChars)
{
    private readonly char[] _buffer = new char[8192];
    private int _start;
    private int _end;

    /// <summary>The next line without its newline; null at end of stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
                if (_end == 0)
                {
                    return line.Length > 0 ? line.ToString() : null;
                }
            }

            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            var take = (newline < 0 ? _end : newline) - _start;
            if (line.Length + take > maxChars)
            {
                throw new SandboxProtocolException($"a message from the sandbox exceeded {maxChars} characters");
            }

            line.Append(_buffer, _start, take);
            _start += take;
            if (newline >= 0)
            {
                _start++;
                return line.ToString();
            }
        }
    }
}
