using Archon.Core.Architecture;
using Archon.Core.Search;

namespace Archon.Core.Tests.Search;

/// <summary>`archon space --contains` semantics on the shipped paper space and the paper's best general architecture.</summary>
public sealed class SpaceMembershipTests
{
    private static readonly string Samples = Path.Combine(TestPaths.RepoRoot, "samples", "search");

    private static SearchSpec PaperSpec() => SearchSpecLoader.Load(Path.Combine(Samples, "paper.json"));

    private static ArchitectureConfig Best() => ArchitectureLoader.Load(Path.Combine(Samples, "paper-best-general.json")).GetOrThrow();

    private static (string? Violation, SearchPoint? Point) Check(SearchSpec spec, ArchitectureConfig architecture)
    {
        var models = spec.Models!.Select(id => new ModelProfile(id, 0, 1, 1)).ToList();
        var (_, space) = SpaceDescription.Describe(spec, models);
        return SpaceDescription.Check(space, architecture, models);
    }

    [Fact]
    public void Check_PaperBestGeneralArchitecture_IsAPointOfThePaperSpace()
    {
        var (violation, point) = Check(PaperSpec(), Best());

        Assert.Null(violation);
        Assert.Equal("g10-s1-l4-w8.6.4-critic_ranker.critic.critic-none-k5", point!.Key);
    }

    public static TheoryData<string, string> NarrowedAxes => new()
    {
        { "generators", "generators" },
        { "samples", "samples" },
        { "fusion_layers", "fusion_layers" },
        { "fusion_widths", "fusion_widths" },
        { "pre_fuser", "pre_fuser" },
        { "pre_fusion_mode", "pre_fusion_mode" },
        { "evaluation", "evaluation" },
        { "ranker_top_k", "ranker_top_k" },
        { "max_initial_candidates", "max_initial_candidates" },
        { "budget", "budget.max_calls" },
    };

    [Theory]
    [MemberData(nameof(NarrowedAxes))]
    public void Check_SpaceNarrowedOnOneAxis_NamesThatAxis(string axis, string expectedField)
    {
        var spec = PaperSpec();
        var s = spec.Space;
        spec = axis switch
        {
            "generators" => spec with { Space = s with { Generators = [1, 2, 3, 4, 5, 6, 7, 8] } },
            "samples" => spec with { Space = s with { Samples = [2, 3] } },
            "fusion_layers" => spec with { Space = s with { FusionLayers = [1, 2, 3] } },
            "fusion_widths" => spec with { Space = s with { FusionWidths = [10, 8, 4, 2] } },
            "pre_fuser" => spec with { Space = s with { PreFuser = ["none", "critic_ranker"] } },
            "pre_fusion_mode" => spec with { Space = s with { PreFusionMode = "all_layers" } },
            "evaluation" => spec with { Space = s with { Evaluation = ["verifier"] } },
            "ranker_top_k" => spec with { Space = s with { RankerTopK = [3] } },
            "max_initial_candidates" => spec with { Space = s with { MaxInitialCandidates = 8 } },
            _ => spec with { Budget = new QueryBudgetSpec { MaxCalls = 20 } },
        };

        var (violation, _) = Check(spec, Best());

        Assert.NotNull(violation);
        Assert.StartsWith(expectedField + ":", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IncreasingWidths_NamesFusionWidths()
    {
        var best = Best();
        var layers = best.Layers.ToList();
        (layers[3], layers[7]) = (layers[7], layers[3]);

        var (violation, _) = Check(PaperSpec(), best with { Layers = layers });

        Assert.StartsWith("fusion_widths:", violation, StringComparison.Ordinal);
        Assert.Contains("must not increase", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CriticRightBeforeAMultiLayerFinalFuser_NamesTheLayerAndRule()
    {
        var best = Best();
        var layers = best.Layers.ToList();
        layers.Insert(layers.Count - 1, best.Layers[1]);

        var (violation, point) = Check(PaperSpec(), best with { Layers = layers });

        Assert.Null(point);
        Assert.StartsWith("layers[8]:", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GeneratorModelOutsideTheSpecModels_NamesGenerators()
    {
        var best = Best();
        var generators = best.Layers[0].Components.Select((c, i) => i == 0 ? c with { Model = "gpt-4o" } : c).ToList();
        var layers = best.Layers.ToList();
        layers[0] = new LayerConfig(generators);

        var (violation, _) = Check(PaperSpec(), best with { Layers = layers });

        Assert.StartsWith("generators: model 'gpt-4o'", violation, StringComparison.Ordinal);
    }
}
