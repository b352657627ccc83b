using System.Text;

namespace Archon.TestSupport;

/// <summary>A minimal server-sent-events reader for tests that look at the raw stream (ids, comments, reconnects).</summary>
public sealed class SseClient(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public List<string> Comments { get; } = [];

    /// <summary>The next data event (id may be null), or null at the end of the stream.</summary>
    public async Task<(string? Id, string Data)?> NextAsync(CancellationToken cancellationToken = default)
    {
        string? id = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return (id, data.ToString());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments.Add(line[1..].Trim());
            }
            else if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line[5..].TrimStart());
            }
        }

        return null;
    }

    public void Dispose() => _reader.Dispose();
}
