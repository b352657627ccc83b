using System.Text.Json;
using Archon.Durable.Architectures;
using Microsoft.AspNetCore.Http;

namespace Archon.Http;

/// <summary>Field-by-field validation of a chat completion body; every refusal names the field and the rule.</summary>
public static class ChatRequestParser
{
    public static async Task<(ChatRequest? Request, IResult? Error)> ParseAsync(
        JsonElement root, ArchonApiOptions options, IArchitectureCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, ApiErrors.BadRequest("body", "must be a JSON object"));
        }

        var ignored = new List<string>();
        foreach (var property in root.EnumerateObject())
        {
            if (ChatRequestFields.Refused.TryGetValue(property.Name, out var why) && property.Value.ValueKind != JsonValueKind.Null && !IsOff(property))
            {
                return (null, ApiErrors.BadRequest(property.Name, why));
            }

            if (ChatRequestFields.ArchitectureDecided.Contains(property.Name) || ChatRequestFields.Refused.ContainsKey(property.Name))
            {
                ignored.Add(property.Name);
            }
            else if (!ChatRequestFields.Supported.Contains(property.Name) && !ChatRequestFields.Refused.ContainsKey(property.Name))
            {
                return (null, ApiErrors.BadRequest(property.Name, "unknown field; the supported and ignored fields are listed in docs/api.md"));
            }
        }

        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
        {
            return (null, ApiErrors.BadRequest("model", "required: the name of a registered architecture (GET /api/v1/models)"));
        }

        var (stream, streamError) = Flag(root, "stream");
        if (streamError is not null)
        {
            return (null, streamError);
        }

        var includeUsage = false;
        if (root.TryGetProperty("stream_options", out var so) && so.ValueKind != JsonValueKind.Null)
        {
            if (so.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiErrors.BadRequest("stream_options", "must be an object like {\"include_usage\": true}"));
            }

            if (!stream)
            {
                return (null, ApiErrors.BadRequest("stream_options", "only allowed with \"stream\": true"));
            }

            (includeUsage, var usageError) = Flag(so, "include_usage", "stream_options.include_usage");
            if (usageError is not null)
            {
                return (null, usageError);
            }
        }

        var choices = 1;
        if (root.TryGetProperty("n", out var n) && n.ValueKind != JsonValueKind.Null)
        {
            if (!(n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out choices) && choices >= 1 && choices <= options.MaxChoices))
            {
                return (null, ApiErrors.BadRequest("n", $"must be a whole number from 1 to {options.MaxChoices} (ArchonApi:MaxChoices)"));
            }
        }

        if (root.TryGetProperty("response_format", out var format) && format.ValueKind != JsonValueKind.Null)
        {
            var type = format.ValueKind == JsonValueKind.Object && format.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type != "text")
            {
                return (null, ApiErrors.BadRequest("response_format",
                    $"only {{\"type\": \"text\"}} is supported (got {(type is null ? "no type" : $"'{type}'")}); structured output would have to bind every fuser and generator of the architecture"));
            }
        }

        var (architecture, archError) = await RequestParsing.ByNameAsync(model.GetString()!, "model", catalog, cancellationToken).ConfigureAwait(false);
        if (archError is not null)
        {
            return (null, archError);
        }

        var (messages, messagesError) = RequestParsing.Messages(root, options.MaxMessages);
        return messagesError is not null
            ? (null, messagesError)
            : (new ChatRequest(architecture!, messages!, stream, includeUsage, choices, ignored), null);
    }

    /// <summary>Refused fields sent with their "off" value (logprobs: false, tools: []) ask for nothing: accepted.</summary>
    private static bool IsOff(JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.False
        || (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 0)
        || (property.Name == "tool_choice" && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() == "none");

    private static (bool Value, IResult? Error) Flag(JsonElement parent, string name, string? field = null)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (false, null);
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? (value.ValueKind == JsonValueKind.True, null)
            : (false, ApiErrors.BadRequest(field ?? name, "must be true or false"));
    }
}
