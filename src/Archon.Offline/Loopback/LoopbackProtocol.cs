using System.Text.Json;
using System.Text.Json.Nodes;
using Archon.Core.Execution;

namespace Archon.Offline.Loopback;

/// <summary>Decodes chat requests and encodes replies in the OpenAI (also Azure OpenAI) and Anthropic wire formats.</summary>
internal static class LoopbackProtocol
{
    public static (string Model, List<ChatTurn> Messages, double? Temperature, int? MaxTokens) DecodeRequest(string protocol, string body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var model = root.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
        double? temperature = root.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null;
        int? maxTokens = null;
        foreach (var name in new[] { "max_tokens", "max_completion_tokens", "max_output_tokens" })
        {
            if (root.TryGetProperty(name, out var mt) && mt.ValueKind == JsonValueKind.Number)
            {
                maxTokens = mt.GetInt32();
            }
        }

        var messages = new List<ChatTurn>();
        if (protocol == "anthropic" && root.TryGetProperty("system", out var system))
        {
            messages.Add(new ChatTurn("system", ContentText(system)));
        }

        if (root.TryGetProperty("messages", out var list))
        {
            foreach (var message in list.EnumerateArray())
            {
                var role = message.GetProperty("role").GetString() ?? "user";
                var content = message.TryGetProperty("content", out var c) ? ContentText(c) : "";
                messages.Add(new ChatTurn(role == "developer" ? "system" : role, content));
            }
        }

        return (model, messages, temperature, maxTokens);
    }

    public static string EncodeReply(string protocol, string model, string text, int inputTokens, int outputTokens, long sequence)
    {
        JsonObject reply = protocol == "anthropic"
            ? new JsonObject
            {
                ["id"] = $"msg_{sequence}",
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = model,
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
                ["stop_reason"] = "end_turn",
                ["stop_sequence"] = null,
                ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = outputTokens },
            }
            : new JsonObject
            {
                ["id"] = $"chatcmpl-{sequence}",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = inputTokens,
                    ["completion_tokens"] = outputTokens,
                    ["total_tokens"] = inputTokens + outputTokens,
                },
            };
        return reply.ToJsonString();
    }

    /// <summary>A rough token count (4 characters per token) — the loopback server only needs plausible usage numbers.</summary>
    public static int RoughTokens(string text) => Math.Max(1, (text.Length + 3) / 4);

    private static string ContentText(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Select(part => part.TryGetProperty("text", out var text) ? text.GetString() : "")),
        _ => "",
    };
}
