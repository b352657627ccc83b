using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Archon.Http;

/// <summary>Reads a bounded JSON request body; every failure becomes a 4xx <see cref="IResult"/>, never an exception.</summary>
public static class JsonBody
{
    public static async Task<(JsonDocument? Document, IResult? Error)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > maxBytes)
        {
            return (null, TooLarge(request, maxBytes));
        }

        if (request.ContentType is { Length: > 0 } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiErrors.UnsupportedMediaType(type));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(request, maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, ApiErrors.BadRequest("body", "a JSON object is required"));
        }

        try
        {
            var document = JsonDocument.Parse(buffer.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, ApiErrors.BadRequest("body", "must be a JSON object"));
            }

            return (document, null);
        }
        catch (JsonException e)
        {
            return (null, ApiErrors.BadRequest("body", $"not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})"));
        }
    }

    /// <summary>
    /// The rest of the body stays unread, so the server will not reuse this connection; saying so lets the client open
    /// a fresh one for its next request instead of failing on a connection that is being closed.
    /// </summary>
    private static IResult TooLarge(HttpRequest request, long maxBytes)
    {
        request.HttpContext.Response.Headers.Connection = "close";
        return ApiErrors.TooLarge(maxBytes);
    }
}
