using Archon.Core.Architecture;
using Archon.Core.Providers;

namespace Archon.Functions.Tests.Infra;

/// <summary>The JSON examples in the README are real: the architecture loads cleanly and the catalog parses.</summary>
public sealed class ReadmeSnippetTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(InfraPaths.RepoRoot, "README.md"));

    [Fact]
    public void ArchitectureExample_UnderWritingAnArchitecture_LoadsWithoutErrorsOrWarnings()
    {
        var json = JsonBlockIn("## Writing an architecture");

        var result = ArchitectureLoader.Parse(json, "README.md");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.ToString())));
        Assert.Empty(result.Warnings);
        Assert.Equal(4, result.Architecture!.Layers.Count);
    }

    [Fact]
    public void ArchitectureExample_Models_AreInTheDefaultCatalog()
    {
        var architecture = ArchitectureLoader.Parse(JsonBlockIn("## Writing an architecture"), "README.md").GetOrThrow();
        var catalog = ModelCatalog.Load(Path.Combine(InfraPaths.RepoRoot, "catalog", "models.json"));

        Assert.Empty(catalog.Unresolved(architecture));
    }

    [Fact]
    public void CatalogExample_UnderConfiguringRealModels_ParsesWithModelCatalog()
    {
        var catalog = ModelCatalog.Parse(JsonBlockIn("## Configuring real models"), "README.md");

        Assert.Equal("azure-openai", catalog.Resolve("my-gpt-4o").Provider);
        Assert.Equal("TOGETHER_API_KEY", catalog.Resolve("Qwen/Qwen2-72B-Instruct").ApiKeyEnv);
        Assert.Equal(2.5m, catalog.Resolve("gpt-4o").InputPricePerMillion);
    }

    [Fact]
    public void SearchSpecExample_UnderRunningASearch_ParsesWithSearchSpecLoader()
    {
        var spec = Archon.Core.Search.SearchSpecLoader.Parse(JsonBlockIn("## Running a search"), "README.md");

        Assert.Equal("bo-mf", spec.Algorithm);
    }

    // The first ```json block after the heading (and before the next "## " heading).
    private static string JsonBlockIn(string heading)
    {
        var start = Readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no '{heading}' section");
        var next = Readme.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        var section = next < 0 ? Readme[start..] : Readme[start..next];
        var open = section.IndexOf("```json\n", StringComparison.Ordinal);
        Assert.True(open >= 0, $"'{heading}' has no ```json block");
        var body = open + "```json\n".Length;
        var close = section.IndexOf("\n```", body, StringComparison.Ordinal);
        return section[body..close];
    }
}
