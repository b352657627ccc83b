using System.Text.Json.Nodes;

namespace Archon.Functions.Tests.Infra;

/// <summary>
/// One resource of a compiled ARM template, flattened out of nested (module) deployments.
/// <paramref name="Module"/> is the symbolic name of the module deployment that holds it ("" for the top level);
/// <paramref name="Template"/> is the template that declares it, for resolving its variables and parameters.
/// </summary>
internal sealed record ArmResource(string Module, string SymbolicName, string Type, JsonObject Body, JsonObject Template)
{
    /// <summary>A reference to a resource deployed elsewhere (Bicep <c>existing</c>), not a deployed resource.</summary>
    public bool IsExisting => Body["existing"]?.GetValue<bool>() == true;

    public string? Text(string path) => Node(path)?.GetValue<object>()?.ToString();

    /// <summary>Follows a dotted path (e.g. "properties.siteConfig.minTlsVersion") from the resource body.</summary>
    public JsonNode? Node(string path)
    {
        JsonNode? node = Body;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node;
    }

    /// <summary>The default value a parameter of the declaring template falls back to.</summary>
    public JsonNode? ParameterDefault(string name) => Template["parameters"]?[name]?["defaultValue"];
}
