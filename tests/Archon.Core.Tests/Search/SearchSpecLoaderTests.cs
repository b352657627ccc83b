using Archon.Core.Search;

namespace Archon.Core.Tests.Search;

public sealed class SearchSpecLoaderTests
{
    [Fact]
    public void Load_SampleDefaultSpec_IsValidAndSimulated()
    {
        var spec = SearchSpecLoader.Load(Path.Combine(TestPaths.RepoRoot, "samples", "search", "default.json"));
        Assert.Equal("sim", spec.Catalog);
        Assert.Equal("builtin", spec.Benchmark);
        Assert.Contains(spec.Algorithm, SearchAlgorithms.Names);
        Assert.Null(SearchSpecLoader.Validate(spec));
    }

    [Theory]
    [InlineData("""{ "algorithm": "annealing" }""", "algorithm")]
    [InlineData("""{ "dev_items": 0 }""", "dev_items")]
    [InlineData("""{ "space": { "generators": [0, 2] } }""", "space.generators")]
    [InlineData("""{ "space": { "pre_fuser": ["judge"] } }""", "space.pre_fuser")]
    [InlineData("""{ "space": { "fusers": [2, 10] } }""", "space.fusers")]
    [InlineData("""{ "space": { "pre_fusion_mode": "some" } }""", "space.pre_fusion_mode")]
    [InlineData("""{ "space": { "fusion_widths": [] } }""", "space.fusion_widths")]
    [InlineData("""{ "ranking_ensemble_size": 0 }""", "ranking_ensemble_size")]
    [InlineData("""{ "budget": { "max_calls": 0 } }""", "budget")]
    [InlineData("""{ "colour": "blue" }""", "colour")]
    [InlineData("""{ "seed": "one" }""", "seed")]
    public void Parse_BrokenRule_NamesSourceAndField(string json, string field)
    {
        var error = Assert.Throws<SearchSpecException>(() => SearchSpecLoader.Parse(json, "spec.json"));
        Assert.StartsWith("spec.json", error.Message);
        Assert.Contains(field, error.Message);
    }

    [Theory]
    [InlineData("""{ "colour": "blue" }""", "spec.json: field colour: unknown; valid fields: name, catalog, models, benchmark, data_seed,")]
    [InlineData("""{ "space": { "genrators": [1, 2] } }""", "spec.json: field space.genrators: unknown; valid fields of space: generators, samples,")]
    [InlineData("""{ "seed": "one" }""", "spec.json: field seed: expected an integer")]
    [InlineData("""{ "max_evaluations": true }""", "spec.json: field max_evaluations: expected a number")]
    [InlineData("""{ "space": { "generators": [1, "x"] } }""", "spec.json: field space.generators[1]: expected an integer")]
    [InlineData("""{ "space": { "pre_fuser": "none" } }""", "spec.json: field space.pre_fuser: expected an array of strings")]
    [InlineData("""{ "budget": 3 }""", "spec.json: field budget: expected an object")]
    [InlineData("{ \"seed\": 1,, }", "spec.json: invalid JSON at line 1")]
    public void Parse_WrongFieldOrKind_NamesTheFieldInFileTermsWithoutDotNetTypes(string json, string expected)
    {
        var error = Assert.Throws<SearchSpecException>(() => SearchSpecLoader.Parse(json, "spec.json"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Archon.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounds_FromSpec_BuildsTheConfiguredSpace()
    {
        var spec = SearchSpecLoader.Parse("""{ "space": { "generators": [1, 2, 3], "samples": [1, 2], "fusion_layers": [1, 2], "fusion_widths": [2, 3], "pre_fuser": ["none"], "evaluation": ["none", "verifier"] } }""", "s");
        var space = new SearchSpace(SearchSpecLoader.Bounds(spec), new ArchitectureEncoder(Archon.Bench.Search.LandscapeFleet.Ranking()));
        // (3 generators × 2 samples) × (1 + 2 widths) × 1 × 2 = 36.
        Assert.Equal(36, space.Count);
    }
}
