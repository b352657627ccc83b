using Microsoft.AspNetCore.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Archon.Offline.Loopback;

/// <summary>
/// The OpenAI streaming wire format for the loopback server: <c>chat.completion.chunk</c> server-sent events, one per
/// token (a word with its trailing whitespace), a finish chunk, a usage chunk when <c>stream_options.include_usage</c>
/// asks for it, then <c>data: [DONE]</c>. Tokens can be paced (<see cref="LoopbackReply.TokenDelay"/>) or gated
/// (<see cref="LoopbackReply.BeforeToken"/>). Anthropic streaming is not spoken: such requests get the plain JSON reply.
/// </summary>
internal static class LoopbackStreaming
{
    public static bool Requested(string protocol, string body, out bool includeUsage)
    {
        includeUsage = false;
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (!root.TryGetProperty("stream", out var stream) || stream.ValueKind != JsonValueKind.True)
        {
            return false;
        }

        includeUsage = root.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("include_usage", out var usage) && usage.ValueKind == JsonValueKind.True;
        return protocol != "anthropic";
    }

    public static IReadOnlyList<string> Tokens(string text) => Regex.Matches(text, @"\S+\s*|\s+").Select(m => m.Value).ToList();

    public static async Task WriteAsync(
        HttpResponse response, string model, LoopbackReply reply, int inputTokens, bool includeUsage, long sequence, CancellationToken ct)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var id = $"chatcmpl-{sequence}";
        var text = reply.Text ?? "";
        await SendAsync(response, Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null), ct);
        var tokens = Tokens(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (reply.BeforeToken is { } gate)
            {
                await gate(i, ct);
            }

            if (reply.TokenDelay > TimeSpan.Zero)
            {
                await Task.Delay(reply.TokenDelay, ct);
            }

            await SendAsync(response, Chunk(id, model, new JsonObject { ["content"] = tokens[i] }, null), ct);
        }

        await SendAsync(response, Chunk(id, model, new JsonObject(), "stop"), ct);
        if (includeUsage)
        {
            var output = LoopbackProtocol.RoughTokens(text);
            var usage = new JsonObject
            {
                ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = model, ["choices"] = new JsonArray(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = inputTokens, ["completion_tokens"] = output, ["total_tokens"] = inputTokens + output },
            };
            await SendAsync(response, usage.ToJsonString(), ct);
        }

        await SendAsync(response, "[DONE]", ct);
        await response.CompleteAsync();
    }

    private static string Chunk(string id, string model, JsonObject delta, string? finish) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    }.ToJsonString();

    private static async Task SendAsync(HttpResponse response, string data, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes($"data: {data}\n\n");
        await response.Body.WriteAsync(bytes, ct);
        await response.Body.FlushAsync(ct);
    }
}
