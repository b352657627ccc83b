using System.Text.Json;
using Archon.Core.Architecture;
using Archon.Core.Schema;
using Json.Schema;

namespace Archon.Core.Tests.Architecture;

/// <summary>Keeps the shipped JSON Schema and the loader in step: same verdict on the corpus and on malformed files.</summary>
public sealed class ArchitectureSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ArchitectureSchema.Text);

    private static bool SchemaAccepts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Schema.Evaluate(doc.RootElement, new EvaluationOptions()).IsValid;
    }

    /// <summary>Loader verdict ignoring construction rules, which the schema deliberately leaves to the validator.</summary>
    private static bool LoaderReads(string json)
    {
        var result = ArchitectureLoader.Parse(json, "t.json");
        return result.Errors.All(e => e.Rule is not (ValidationRules.Shape or ValidationRules.FieldType or ValidationRules.JsonSyntax));
    }

    [Fact]
    public void Schema_EveryLoadableReferenceConfig_IsValid()
    {
        var checkedCount = 0;
        foreach (var file in Directory.EnumerateFiles(TestPaths.ConfigsDir, "*.json", SearchOption.AllDirectories))
        {
            var json = File.ReadAllText(file);
            if (!ArchitectureLoader.Load(file).Succeeded)
            {
                continue;
            }

            Assert.True(SchemaAccepts(json), file);
            Assert.True(SchemaAccepts(ArchitectureLoader.ToJson(ArchitectureLoader.Load(file).Architecture!)), $"canonical form of {file}");
            checkedCount++;
        }

        Assert.True(checkedCount > 200);
    }

    [Theory]
    [InlineData("""{"name":"x","layers":[[{"type":"generator","model":"m","samples":"three"}]]}""")]
    [InlineData("""{"name":"x","layers":[[{"type":"generator","model":"m","temperature":"hot"}]]}""")]
    [InlineData("""{"name":"x","layers":[[{"model":"m"}]]}""")]
    [InlineData("""{"name":"x","layers":{"a":1}}""")]
    [InlineData("""{"name":3,"layers":[]}""")]
    [InlineData("""{"name":"x"}""")]
    [InlineData("""{"name":"x","layers":[[{"type":"ranker","model":"m","top_k":1.5}]]}""")]
    [InlineData("""{"name":"x","layers":[[{"type":"fuser","model":"m","use_critiques":"yes"}]]}""")]
    [InlineData("""{"name":"x","layers":[[{"type":"generator","model":"m"}], {"type":"fuser","model":"m"}]}""")]
    [InlineData("""{"name":"x","custom":"no","layers":[[{"type":"generator","model":"m"}]]}""")]
    public void Schema_MalformedFiles_RejectedByBoth(string json)
    {
        Assert.False(LoaderReads(json));
        Assert.False(SchemaAccepts(json));
    }

    [Theory]
    [InlineData("""{"name":"x","layers":[[{"type":"generator","model":"m","length_contorl":true,"checkpoint":"a"}]]}""")]
    [InlineData("""{"name":"x","layers":[{"branches":1,"models":[{"type":"generator","model":"m","max_tokens":2048.0}]}]}""")]
    [InlineData("""{"name":"x","layers":[{"type":"generator","model":"m","model_type":null}]}""")]
    public void Schema_AcceptedVariants_AcceptedByBoth(string json)
    {
        Assert.True(LoaderReads(json));
        Assert.True(SchemaAccepts(json));
    }

    [Fact]
    public void Schema_DescribesEveryKeyTheLoaderReads()
    {
        using var doc = JsonDocument.Parse(ArchitectureSchema.Text);
        var properties = doc.RootElement.GetProperty("$defs").GetProperty("component").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).ToHashSet();
        var loaderKeys = typeof(ComponentKeys).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(loaderKeys, k => Assert.Contains(k, properties));
    }
}
