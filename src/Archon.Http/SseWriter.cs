using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Archon.Http;

/// <summary>
/// Writes server-sent events of one streamed completion. Data events are numbered (<c>id: {completionId}:{seq}</c>);
/// a resumed stream replays the same numbered sequence and skips what the client already has (Last-Event-ID).
/// Progress and keep-alives are SSE comment lines (<c>: ...</c>), which every SSE/OpenAI parser ignores.
/// </summary>
internal sealed class SseWriter(HttpResponse response, string completionId, int skipThrough, TimeProvider time)
{
    private int _seq = -1;

    public DateTimeOffset LastWrite { get; private set; } = time.GetUtcNow();

    public static string EventId(string completionId, int seq) => string.Create(CultureInfo.InvariantCulture, $"{completionId}:{seq}");

    /// <summary>Parses <c>{completionId}:{seq}</c>; null when the header is not one of ours.</summary>
    public static (string CompletionId, int Seq)? ParseEventId(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var colon = header.LastIndexOf(':');
        return colon > 0 && header.StartsWith("chatcmpl-", StringComparison.Ordinal)
            && int.TryParse(header.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? (header[..colon], seq)
            : null;
    }

    public async Task DataAsync(object payload, CancellationToken cancellationToken)
    {
        _seq++;
        if (_seq <= skipThrough)
        {
            return;
        }

        var json = JsonSerializer.Serialize(payload, OpenAiShapes.Json);
        await WriteAsync($"id: {EventId(completionId, _seq)}\ndata: {json}\n\n", cancellationToken);
    }

    public Task CommentAsync(string text, CancellationToken cancellationToken) => WriteAsync($": {text}\n\n", cancellationToken);

    public Task DoneAsync(CancellationToken cancellationToken) => WriteAsync("data: [DONE]\n\n", cancellationToken);

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        LastWrite = time.GetUtcNow();
    }
}
