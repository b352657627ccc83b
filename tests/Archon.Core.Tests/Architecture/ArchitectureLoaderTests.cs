using Archon.Core.Architecture;

namespace Archon.Core.Tests.Architecture;

public sealed class ArchitectureLoaderTests
{
    private static IEnumerable<string> AllConfigs() =>
        Directory.EnumerateFiles(TestPaths.ConfigsDir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Fact]
    public void Load_EveryReferenceConfig_LoadsExceptTheInvalidJsonOne()
    {
        var files = AllConfigs().ToList();
        Assert.True(files.Count > 200, $"expected the reference corpus under {TestPaths.ConfigsDir}");
        var failures = files.Select(f => (f, r: ArchitectureLoader.Load(f))).Where(x => !x.r.Succeeded).ToList();

        var failure = Assert.Single(failures);
        Assert.EndsWith("archon-1-110bFuser-1-110bRanker5-8-70BM.json", failure.f);
        var error = Assert.Single(failure.r.Errors);
        Assert.Equal(ValidationRules.JsonSyntax, error.Rule);
        Assert.Equal(71, error.Line);
        Assert.NotNull(error.Position);
        Assert.Contains("archon-1-110bFuser-1-110bRanker5-8-70BM.json", error.ToString());
        Assert.Contains("line 71, position", error.ToString());
    }

    [Fact]
    public void Load_ConfigWithLengthTypo_WarnsAndKeepsKey()
    {
        var path = AllConfigs().First(f => File.ReadAllText(f).Contains("length_contorl"));
        var result = ArchitectureLoader.Load(path);

        Assert.True(result.Succeeded);
        Assert.Contains(result.Warnings, w => w.Message.Contains("length_contorl") && w.Layer is not null && w.Component is not null);
        Assert.Contains(result.Architecture!.Layers.SelectMany(l => l.Components), c => c.Extra.ContainsKey("length_contorl"));
    }

    [Fact]
    public void Load_DeprecatedBranchesForm_ReadsModelsAsComponents()
    {
        var result = ArchitectureLoader.Load(Path.Combine(TestPaths.ConfigsDir, "archon-1-110bFuser-PairRM3-6-MoAM.json"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(6, result.Architecture!.Layers[0].Components.Count);
        Assert.Equal("ranker", result.Architecture.Layers[1].Components[0].Type);
        Assert.Contains(result.Warnings, w => w.Rule == ValidationRules.DeprecatedForm);
    }

    [Fact]
    public void Load_FlatComponentList_ReadsOneLayer()
    {
        var result = ArchitectureLoader.Load(Path.Combine(TestPaths.ConfigsDir, "deepseek-llm-67b-chat.json"));

        Assert.True(result.Succeeded);
        var layer = Assert.Single(result.Architecture!.Layers);
        Assert.Equal("deepseek-ai/deepseek-llm-67b-chat", Assert.Single(layer.Components).Model);
    }

    [Fact]
    public void SaveThenLoad_EveryReferenceConfig_GivesTheSameArchitecture()
    {
        foreach (var file in AllConfigs())
        {
            var first = ArchitectureLoader.Load(file);
            if (!first.Succeeded)
            {
                continue;
            }

            var json = ArchitectureLoader.ToJson(first.Architecture!);
            var second = ArchitectureLoader.Parse(json, "roundtrip");
            Assert.True(second.Succeeded, file);
            Assert.Equal(json, ArchitectureLoader.ToJson(second.Architecture!));
            Assert.Equal(first.Architecture!.Layers.Count, second.Architecture!.Layers.Count);
            for (var l = 0; l < first.Architecture.Layers.Count; l++)
            {
                var a = first.Architecture.Layers[l].Components;
                var b = second.Architecture.Layers[l].Components;
                Assert.Equal(a.Count, b.Count);
                for (var c = 0; c < a.Count; c++)
                {
                    Assert.Equal(a[c] with { Extra = b[c].Extra }, b[c]);
                    Assert.Equal(a[c].Extra.Keys.Order(), b[c].Extra.Keys.Order());
                }
            }
        }
    }

    [Fact]
    public void Parse_OurExtensions_RoundTrip()
    {
        const string json = """{"name":"x","custom":true,"layers":[[{"id":"gen-a","type":"generator","model":"m","model_type":"OpenAI_API","temperature":0.2,"max_tokens":64,"samples":3,"no_system":true}]]}""";
        var loaded = ArchitectureLoader.Parse(json, "x.json");

        Assert.True(loaded.Succeeded);
        var again = ArchitectureLoader.Parse(ArchitectureLoader.ToJson(loaded.Architecture!), "y.json").Architecture!;
        Assert.True(again.Custom);
        var c = again.Layers[0].Components[0];
        Assert.Equal(("gen-a", 3, 64, 0.2, true), (c.Id, c.Samples, c.MaxTokens, c.Temperature, c.NoSystem));
    }

    [Fact]
    public void Parse_WrongFieldType_NamesLayerComponentAndField()
    {
        var result = ArchitectureLoader.Parse("""{"name":"x","layers":[[{"type":"generator","model":"m","samples":"three"}]]}""", "bad.json");

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Architecture);
        Assert.Equal((0, 0), (error.Layer, error.Component));
        Assert.Contains("\"samples\" must be a whole number", error.Message);
        Assert.StartsWith("bad.json: layer 0, component 0:", error.ToString());
    }

    [Fact]
    public void Load_MissingFile_ReportsFileNotFound()
    {
        var result = ArchitectureLoader.Load("/nonexistent/arch.json");

        Assert.Equal(ValidationRules.FileNotFound, Assert.Single(result.Errors).Rule);
    }
}
