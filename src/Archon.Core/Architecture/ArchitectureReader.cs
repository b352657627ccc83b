using System.Text.Json;
using Archon.Core.Components;

namespace Archon.Core.Architecture;

/// <summary>Turns a parsed JSON document into an <see cref="ArchitectureConfig"/>, collecting shape and type diagnostics.</summary>
internal sealed class ArchitectureReader(string source, ComponentRegistry registry)
{
    public ComponentRegistry Registry { get; } = registry;

    public List<ArchitectureDiagnostic> Errors { get; } = [];
    public List<ArchitectureDiagnostic> Warnings { get; } = [];

    public ArchitectureConfig? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error(ValidationRules.Shape, "the top level must be a JSON object with \"name\" and \"layers\"");
            return null;
        }

        string? name = null;
        var custom = false;
        JsonElement? layers = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "name" when property.Value.ValueKind == JsonValueKind.String:
                    name = property.Value.GetString();
                    break;
                case "name":
                    Error(ValidationRules.FieldType, "\"name\" must be a string");
                    break;
                case "custom" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    custom = property.Value.GetBoolean();
                    break;
                case "custom":
                    Error(ValidationRules.FieldType, "\"custom\" must be true or false");
                    break;
                case "layers":
                    layers = property.Value;
                    break;
                default:
                    var near = Suggest.Nearest(property.Name, ["name", "custom", "layers"]);
                    Warn(ValidationRules.UnknownKey, $"unknown top-level key \"{property.Name}\" is ignored{(near is null ? "" : $" (did you mean \"{near}\"?)")}");
                    break;
            }
        }

        if (name is null)
        {
            name = Path.GetFileNameWithoutExtension(source);
            Warn(ValidationRules.Shape, $"no \"name\"; using \"{name}\"");
        }

        if (layers is not { ValueKind: JsonValueKind.Array } layerArray)
        {
            Error(ValidationRules.Shape, "\"layers\" must be an array of layers");
            return null;
        }

        var result = ReadLayers(layerArray);
        return Errors.Count == 0 ? new ArchitectureConfig { Name = name, Custom = custom, Layers = result } : null;
    }

    private List<LayerConfig> ReadLayers(JsonElement layers)
    {
        var items = layers.EnumerateArray().ToList();

        // Deprecated flat form: "layers" is a list of components; the reference treats it as one layer.
        if (items.Count > 0 && items.All(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("type", out _)))
        {
            Warn(ValidationRules.DeprecatedForm, "\"layers\" is a flat list of components (deprecated form); read as a single layer");
            return [new LayerConfig(items.Select((c, ci) => ComponentReader.Read(c, 0, ci, this)).OfType<ComponentConfig>().ToList())];
        }

        var result = new List<LayerConfig>();
        var warnedBranches = false;
        for (var li = 0; li < items.Count; li++)
        {
            var layer = items[li];
            JsonElement components;
            if (layer.ValueKind == JsonValueKind.Array)
            {
                components = layer;
            }
            else if (layer.ValueKind == JsonValueKind.Object && layer.TryGetProperty("models", out var models) && models.ValueKind == JsonValueKind.Array)
            {
                // Deprecated layer form {"branches": 1, "models": [...]}.
                if (!warnedBranches)
                {
                    Warn(ValidationRules.DeprecatedForm, "layers use the deprecated {\"branches\", \"models\"} form; read \"models\" as the layer's components", li);
                    warnedBranches = true;
                }

                foreach (var p in layer.EnumerateObject())
                {
                    if (p.Name == "branches" && p.Value.ValueKind == JsonValueKind.Number && p.Value.GetDouble() != 1)
                    {
                        Warn(ValidationRules.UnusedKey, $"\"branches\": {p.Value} is not supported; the layer runs once", li);
                    }
                    else if (p.Name is not ("branches" or "models"))
                    {
                        Warn(ValidationRules.UnknownKey, $"unknown layer key \"{p.Name}\" is ignored", li);
                    }
                }

                components = models;
            }
            else
            {
                Error(ValidationRules.Shape, "a layer must be an array of components (or the deprecated {\"models\": [...]} object)", li);
                continue;
            }

            var list = new List<ComponentConfig>();
            var ci = 0;
            foreach (var c in components.EnumerateArray())
            {
                if (ComponentReader.Read(c, li, ci, this) is { } component)
                {
                    list.Add(component);
                }

                ci++;
            }

            result.Add(new LayerConfig(list));
        }

        return result;
    }

    public void Error(string rule, string message, int? layer = null, int? component = null) =>
        Errors.Add(new ArchitectureDiagnostic(rule, message, source, layer, component));

    public void Warn(string rule, string message, int? layer = null, int? component = null) =>
        Warnings.Add(new ArchitectureDiagnostic(rule, message, source, layer, component) { Severity = DiagnosticSeverity.Warning });
}
