using System.Globalization;
using System.Text.Json;
using Archon.Core.Architecture;
using Archon.Core.Components;
using Archon.Core.Execution;
using Archon.Durable.Architectures;
using Microsoft.AspNetCore.Http;

namespace Archon.Http;

/// <summary>Field-by-field request validation shared by the endpoints; each error names the field and the rule.</summary>
public static class RequestParsing
{
    private static readonly string[] Roles = ["system", "user", "assistant"];

    /// <summary>
    /// <c>messages</c>: a non-empty array of <c>{role, content}</c>; content is a string or an array of text parts
    /// (the OpenAI shapes). At least one user message is required.
    /// </summary>
    public static (IReadOnlyList<ChatTurn>? Messages, IResult? Error) Messages(JsonElement root, int maxMessages)
    {
        if (!root.TryGetProperty("messages", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return (null, ApiErrors.BadRequest("messages", "required: an array of {role, content} objects"));
        }

        var count = array.GetArrayLength();
        if (count == 0 || count > maxMessages)
        {
            return (null, ApiErrors.BadRequest("messages", $"must hold 1 to {maxMessages} messages (got {count})"));
        }

        var turns = new List<ChatTurn>(count);
        var i = 0;
        foreach (var message in array.EnumerateArray())
        {
            var field = $"messages[{i}]";
            if (message.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiErrors.BadRequest(field, "must be an object with role and content"));
            }

            var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : null;
            if (role is null || !Roles.Contains(role, StringComparer.Ordinal))
            {
                return (null, ApiErrors.BadRequest($"{field}.role", $"must be one of {string.Join(", ", Roles)}"));
            }

            var content = Content(message);
            if (content is null)
            {
                return (null, ApiErrors.BadRequest($"{field}.content", "must be a string or an array of {type: \"text\", text} parts"));
            }

            turns.Add(new ChatTurn(role, content));
            i++;
        }

        if (!turns.Any(t => t.Role == "user"))
        {
            return (null, ApiErrors.BadRequest("messages", "must contain at least one user message"));
        }

        return (turns, null);
    }

    /// <summary>
    /// <c>architecture</c>: a registered name (string) or an inline architecture object in the Archon JSON format.
    /// </summary>
    public static async Task<(ArchitectureConfig? Architecture, IResult? Error)> ArchitectureAsync(
        JsonElement root, string field, IArchitectureCatalog catalog, CancellationToken cancellationToken, ComponentRegistry? registry = null)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return (null, ApiErrors.BadRequest(field, "required: a registered architecture name or an inline architecture object"));
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => await ByNameAsync(value.GetString()!, field, catalog, cancellationToken).ConfigureAwait(false),
            JsonValueKind.Object or JsonValueKind.Array => Inline(value, field, registry),
            _ => (null, ApiErrors.BadRequest(field, "must be a registered architecture name (string) or an architecture object")),
        };
    }

    public static async Task<(ArchitectureConfig? Architecture, IResult? Error)> ByNameAsync(
        string name, string field, IArchitectureCatalog catalog, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, ApiErrors.BadRequest(field, "must not be empty"));
        }

        ArchitectureConfig? architecture;
        try
        {
            architecture = await catalog.FindAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (ArchitectureException e)
        {
            // A registered file that no longer loads is the registration's fault, not a server crash.
            return (null, ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, field,
                $"architecture '{name}' is registered but invalid: {string.Join("; ", e.Errors.Take(3))}", "invalid_architecture"));
        }

        return architecture is null
            ? (null, ApiErrors.NotFound(field, $"no registered architecture is named '{name}' (GET /api/v1/models lists them)"))
            : (architecture, null);
    }

    private static (ArchitectureConfig?, IResult?) Inline(JsonElement value, string field, ComponentRegistry? registry)
    {
        // The host's registry (custom component types) when there is one, else the built-in types.
        var loaded = registry is null ? ArchitectureLoader.Parse(value.GetRawText(), field) : ArchitectureLoader.Parse(value.GetRawText(), field, registry);
        if (loaded.Succeeded)
        {
            return (loaded.Architecture, null);
        }

        var errors = string.Join("; ", loaded.Errors.Take(5).Select(e => e.ToString()));
        return (null, ApiErrors.BadRequest(field, $"invalid architecture: {errors}"));
    }

    /// <summary><c>?wait=N</c>: whole seconds from 0 to <paramref name="max"/>; absent = 0.</summary>
    public static (int Seconds, IResult? Error) WaitSeconds(HttpRequest request, int max)
    {
        var raw = request.Query["wait"].ToString();
        if (raw.Length == 0)
        {
            return (0, null);
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= max
            ? (seconds, null)
            : (0, ApiErrors.BadRequest("wait", $"must be a whole number of seconds from 0 to {max}"));
    }

    /// <summary>An optional string property; a non-string value is an error.</summary>
    public static (string? Value, IResult? Error) OptionalString(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        return value.ValueKind == JsonValueKind.String
            ? (value.GetString(), null)
            : (null, ApiErrors.BadRequest(field, "must be a string"));
    }

    private static string? Content(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return null;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object ||
                !part.TryGetProperty("type", out var type) || type.GetString() != "text" ||
                !part.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            parts.Add(text.GetString()!);
        }

        return parts.Count == 0 ? null : string.Join("\n", parts);
    }
}
