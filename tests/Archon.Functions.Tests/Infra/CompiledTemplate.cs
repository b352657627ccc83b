using System.Text.Json.Nodes;

namespace Archon.Functions.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled once per test run with the packaged Bicep CLI, parsed, and its resources flattened
/// across module deployments (Bicep emits symbolic-name objects for languageVersion 2.0 and arrays otherwise).
/// </summary>
internal sealed class CompiledTemplate
{
    private static readonly Lazy<CompiledTemplate> Main = new(() => Compile(InfraPaths.MainBicep));

    private CompiledTemplate(string json, BicepRun build)
    {
        Json = json;
        Build = build;
        Root = JsonNode.Parse(json)!.AsObject();
        Resources = Flatten(Root, module: "").ToList();
    }

    public static CompiledTemplate MainTemplate => Main.Value;

    public string Json { get; }

    public BicepRun Build { get; }

    public JsonObject Root { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public static CompiledTemplate Compile(string bicepFile)
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"archon-bicep-{Guid.NewGuid():N}.json");
        try
        {
            var run = BicepCli.Run("build", bicepFile, "--outfile", outFile);
            if (run.ExitCode != 0 || !File.Exists(outFile))
            {
                throw new InvalidOperationException($"bicep build {bicepFile} failed: {run}");
            }

            return new CompiledTemplate(File.ReadAllText(outFile), run);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    /// <summary>Resources of one type that the template deploys (references to <c>existing</c> resources excluded).</summary>
    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(r => !r.IsExisting && string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public ArmResource Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"expected exactly one {type}, found {matches.Count}");
        return matches[0];
    }

    /// <summary>Every "outputs" object in the template tree (the root's and each module's).</summary>
    public IEnumerable<JsonObject> AllOutputs()
    {
        return Walk(Root);

        static IEnumerable<JsonObject> Walk(JsonObject template)
        {
            if (template["outputs"] is JsonObject outputs)
            {
                yield return outputs;
            }

            foreach (var (_, resource) in Enumerate(template))
            {
                if (resource["properties"]?["template"] is JsonObject nested)
                {
                    foreach (var o in Walk(nested))
                    {
                        yield return o;
                    }
                }
            }
        }
    }

    private static IEnumerable<ArmResource> Flatten(JsonObject template, string module)
    {
        foreach (var (name, resource) in Enumerate(template))
        {
            var type = resource["type"]?.GetValue<string>() ?? "";
            yield return new ArmResource(module, name, type, resource, template);
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Flatten(nested, name))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<(string Name, JsonObject Resource)> Enumerate(JsonObject template)
    {
        switch (template["resources"])
        {
            case JsonObject symbolic:
                foreach (var (name, node) in symbolic)
                {
                    yield return (name, node!.AsObject());
                }

                break;
            case JsonArray array:
                foreach (var node in array)
                {
                    var obj = node!.AsObject();
                    yield return (obj["name"]?.ToString() ?? "", obj);
                }

                break;
        }
    }
}
