using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Archon.Core.Schema;

/// <summary>
/// Reads a JSON document into <typeparamref name="T"/> and turns every failure into one line about the document:
/// "field space.genrators: unknown; valid fields: generators, samples, ..." or "field dev_items: expected an integer".
/// System.Text.Json's own messages name .NET types and members, which mean nothing to the person editing the file;
/// here the field names and the expected kinds come from the serializer's contract, so they cannot drift from it.
/// </summary>
public static class JsonFieldCheck
{
    /// <exception cref="FormatException">The document is not JSON, has an unknown field, or a value of the wrong kind;
    /// the message starts with "field X:" (or "invalid JSON ...") and never names a .NET type.</exception>
    public static T? Deserialize<T>(string json, JsonSerializerOptions options)
    {
        if (!options.IsReadOnly)
        {
            options.MakeReadOnly(populateMissingResolver: true);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = options.ReadCommentHandling,
                AllowTrailingCommas = options.AllowTrailingCommas,
            });
        }
        catch (JsonException e)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"invalid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {Reason(e)}"));
        }

        var info = options.GetTypeInfo(typeof(T));
        if (node is not null && Walk(node, info, options, "") is { } problem)
        {
            throw new FormatException(problem);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, options);
        }
        catch (JsonException e)
        {
            var path = Field(e.Path);
            var expected = Expected(TypeAt(info, options, e.Path));
            throw new FormatException(path.Length == 0 ? $"expected {expected}" : $"field {path}: expected {expected}");
        }
    }

    /// <summary>First unknown or missing required field below <paramref name="node"/>, or null.</summary>
    private static string? Walk(JsonNode node, JsonTypeInfo info, JsonSerializerOptions options, string path)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject obj:
                var byName = info.Properties.Where(p => !p.IsExtensionData)
                    .ToDictionary(p => p.Name, options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
                var open = info.Properties.Any(p => p.IsExtensionData);
                foreach (var (name, value) in obj)
                {
                    if (!byName.TryGetValue(name, out var property))
                    {
                        if (open)
                        {
                            continue;
                        }

                        return $"field {Join(path, name)}: unknown; valid fields{(path.Length == 0 ? "" : $" of {path}")}: {string.Join(", ", byName.Keys)}";
                    }

                    if (value is not null && Walk(value, options.GetTypeInfo(property.PropertyType), options, Join(path, name)) is { } inner)
                    {
                        return inner;
                    }
                }

                return info.Properties.FirstOrDefault(p => p.IsRequired && !obj.ContainsKey(p.Name)) is { } missing
                    ? $"field {Join(path, missing.Name)}: required"
                    : null;
            case JsonTypeInfoKind.Enumerable when node is JsonArray array && info.ElementType is { } element:
                var elementInfo = options.GetTypeInfo(element);
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item && Walk(item, elementInfo, options, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonTypeInfoKind.Dictionary when node is JsonObject map && info.ElementType is { } valueType:
                var valueInfo = options.GetTypeInfo(valueType);
                foreach (var (key, value) in map)
                {
                    if (value is not null && Walk(value, valueInfo, options, Join(path, key)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                // Wrong kinds (a string where an object goes) are left to the serializer; its path is mapped in Expected.
                return null;
        }
    }

    /// <summary>The declared type at a serializer path such as "$.space.generators[0]", or null when it cannot be followed.</summary>
    private static Type? TypeAt(JsonTypeInfo root, JsonSerializerOptions options, string? jsonPath)
    {
        var info = root;
        foreach (var segment in Segments(jsonPath))
        {
            if (segment == "[]")
            {
                if (info.ElementType is null)
                {
                    return null;
                }

                info = options.GetTypeInfo(info.ElementType);
                continue;
            }

            var property = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase))
                : null;
            var next = property?.PropertyType ?? (info.Kind == JsonTypeInfoKind.Dictionary ? info.ElementType : null);
            if (next is null)
            {
                return null;
            }

            info = options.GetTypeInfo(next);
        }

        return info.Type;
    }

    private static IEnumerable<string> Segments(string? jsonPath)
    {
        var path = (jsonPath ?? "$").TrimStart('$');
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                yield return path[(i + 1)..end];
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length - 1 : end;
                var inside = path[(i + 1)..end];
                yield return inside.StartsWith('\'') ? inside.Trim('\'') : "[]";
                i = end + 1;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Kind of value a type takes, in the words of the JSON file.</summary>
    private static string Expected(Type? type)
    {
        if (type is null)
        {
            return "a value of another kind";
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "an integer",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ when type.IsArray || (type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) && !IsDictionary(type)) =>
                $"an array of {Plural(Expected(type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault()))}",
            _ => "an object",
        };
    }

    private static bool IsDictionary(Type type) =>
        type.IsAssignableTo(typeof(System.Collections.IDictionary)) ||
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private static string Plural(string kind) => kind switch
    {
        "an integer" => "integers",
        "a number" => "numbers",
        "a string" => "strings",
        "an object" => "objects",
        "true or false" => "true/false values",
        _ => kind,
    };

    private static string Field(string? jsonPath) => (jsonPath ?? "$").TrimStart('$').TrimStart('.');

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The reader's own words without the " Path: ... | LineNumber: ..." tail it appends.</summary>
    private static string Reason(JsonException e) => e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.');
}
