using System.Text.Json;
using Archon.Core.Components;

namespace Archon.Core.Architecture;

/// <summary>Reads one component object; type errors name the layer, component and field.</summary>
internal static class ComponentReader
{
    private static bool Matches(ComponentKeyKind kind, JsonElement v) => kind switch
    {
        ComponentKeyKind.Text => v.ValueKind == JsonValueKind.String,
        ComponentKeyKind.Number => v.ValueKind == JsonValueKind.Number,
        ComponentKeyKind.WholeNumber => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _),
        ComponentKeyKind.Boolean => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => true,
    };

    private static string KindName(ComponentKeyKind kind) => kind switch
    {
        ComponentKeyKind.Text => "a string",
        ComponentKeyKind.Number => "a number",
        ComponentKeyKind.WholeNumber => "a whole number",
        ComponentKeyKind.Boolean => "true or false",
        _ => "any value",
    };

    public static ComponentConfig? Read(JsonElement element, int layer, int index, ArchitectureReader log)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            log.Error(ValidationRules.Shape, "a component must be a JSON object", layer, index);
            return null;
        }

        var type = element.TryGetProperty(ComponentKeys.Type, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
        if (type is null)
        {
            log.Error(ValidationRules.FieldType, "\"type\" is missing or not a string", layer, index);
            return null;
        }

        var c = new ComponentConfig { Type = type };
        var extra = new Dictionary<string, JsonElement>();
        var errorsBefore = log.Errors.Count;
        foreach (var p in element.EnumerateObject())
        {
            var v = p.Value;
            if (v.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (p.Name)
            {
                case ComponentKeys.Type: break;
                case ComponentKeys.Model: c = c with { Model = Str(v, p.Name) ?? "" }; break;
                case ComponentKeys.ModelType: c = c with { ModelType = Str(v, p.Name) ?? "" }; break;
                case ComponentKeys.Id: c = c with { Id = Str(v, p.Name) }; break;
                case ComponentKeys.Temperature: c = c with { Temperature = Num(v, p.Name) ?? c.Temperature }; break;
                case ComponentKeys.MaxTokens: c = c with { MaxTokens = Int(v, p.Name) ?? c.MaxTokens }; break;
                case ComponentKeys.Samples: c = c with { Samples = Int(v, p.Name) ?? c.Samples }; break;
                case ComponentKeys.TopK: c = c with { TopK = Int(v, p.Name) }; break;
                case ComponentKeys.FirstK: c = c with { FirstK = Int(v, p.Name) }; break;
                case ComponentKeys.UnitTestCap: c = c with { UnitTestCap = Int(v, p.Name) }; break;
                case ComponentKeys.FirstPass: c = c with { FirstPass = Bool(v, p.Name) ?? false }; break;
                case ComponentKeys.LengthControl: c = c with { LengthControl = Bool(v, p.Name) ?? false }; break;
                case ComponentKeys.UseCritiques: c = c with { UseCritiques = Bool(v, p.Name) ?? false }; break;
                case ComponentKeys.RemoveUnitTestsFromPrompt: c = c with { RemoveUnitTestsFromPrompt = Bool(v, p.Name) ?? false }; break;
                case ComponentKeys.NoSystem: c = c with { NoSystem = Bool(v, p.Name) ?? false }; break;
                default:
                    extra[p.Name] = v.Clone();
                    ReadExtra(p.Name, v);
                    break;
            }

            if (ComponentKeys.UsedBy.TryGetValue(p.Name, out var users) && ArchitectureValidator.BuiltInTypes.Contains(type) && !users.Contains(type))
            {
                log.Warn(ValidationRules.UnusedKey, $"\"{p.Name}\" has no effect on a {type}", layer, index);
            }
        }

        if (element.TryGetProperty(ComponentKeys.ModelType, out var mt) && mt.ValueKind == JsonValueKind.String && mt.GetString() == "")
        {
            log.Warn(ValidationRules.EmptyModelType, $"empty \"model_type\" for model \"{c.Model}\"; the catalog must know the model by name", layer, index);
        }

        return log.Errors.Count == errorsBefore ? c with { Extra = extra } : null;

        void ReadExtra(string key, JsonElement v)
        {
            var spec = log.Registry.TryGetRegistration(type, out var registration)
                ? registration.Keys.FirstOrDefault(k => k.Name == key)
                : null;
            if (spec is not null)
            {
                if (!Matches(spec.Kind, v))
                {
                    log.Error(ValidationRules.FieldType, $"\"{key}\" of a {type} must be {KindName(spec.Kind)}, got {v}", layer, index);
                }

                return;
            }

            if (ComponentKeys.KnownIgnored.TryGetValue(key, out var reason))
            {
                log.Warn(ValidationRules.UnusedKey, $"\"{key}\": {reason}", layer, index);
                return;
            }

            var known = ComponentKeys.AllBuiltIn.Concat(registration?.Keys.Select(k => k.Name) ?? []);
            var near = Suggest.Nearest(key, known);
            log.Warn(ValidationRules.UnknownKey,
                $"\"{key}\": unknown key; ignored{(near is null ? "" : $" (did you mean \"{near}\"?)")}", layer, index);
        }

        string? Str(JsonElement v, string field)
        {
            if (v.ValueKind == JsonValueKind.String)
            {
                return v.GetString();
            }

            log.Error(ValidationRules.FieldType, $"\"{field}\" must be a string, got {v.ValueKind.ToString().ToLowerInvariant()}", layer, index);
            return null;
        }

        double? Num(JsonElement v, string field)
        {
            if (v.ValueKind == JsonValueKind.Number)
            {
                return v.GetDouble();
            }

            log.Error(ValidationRules.FieldType, $"\"{field}\" must be a number, got {v.ValueKind.ToString().ToLowerInvariant()}", layer, index);
            return null;
        }

        int? Int(JsonElement v, string field)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
            {
                return (int)d;
            }

            log.Error(ValidationRules.FieldType, $"\"{field}\" must be a whole number, got {v}", layer, index);
            return null;
        }

        bool? Bool(JsonElement v, string field)
        {
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return v.GetBoolean();
            }

            log.Error(ValidationRules.FieldType, $"\"{field}\" must be true or false, got {v}", layer, index);
            return null;
        }
    }
}
