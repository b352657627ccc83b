using Archon.Core.Architecture;

namespace Archon.Core.Tests.Architecture;

public sealed class ArchitectureValidatorTests
{
    private static ComponentConfig C(string type, int samples = 1, int? topK = null, bool useCritiques = false) =>
        new() { Type = type, Model = "m", Samples = samples, TopK = topK, UseCritiques = useCritiques };

    private static ArchitectureConfig Arch(params ComponentConfig[][] layers) =>
        new() { Name = "t", Layers = layers.Select(l => new LayerConfig(l)).ToList() };

    private static ArchitectureDiagnostic SingleError(ArchitectureConfig arch) => Assert.Single(ArchitectureValidator.Validate(arch));

    [Fact]
    public void Validate_GeneratorAfterCandidates_NamesLayerComponentRule()
    {
        var e = SingleError(Arch([C("generator")], [C("critic")], [C("generator")]));

        Assert.Equal((ValidationRules.GeneratorsFirst, 2, 0), (e.Rule, e.Layer, e.Component));
        Assert.Contains("generators may only follow generator or unit-test generator layers", e.Message);
    }

    [Fact]
    public void Check_GeneratorLayerAfterGeneratorLayer_AllowedWithWarning()
    {
        var arch = Arch([C("generator"), C("generator")], [C("generator"), C("generator")], [C("fuser")]);

        Assert.Empty(ArchitectureValidator.Validate(arch));
        var warning = Assert.Single(ArchitectureValidator.Check(arch, ArchitectureValidator.BuiltInTypes), d => d.Rule == ValidationRules.GeneratorsFirst);
        Assert.Equal((DiagnosticSeverity.Warning, 1, 0), (warning.Severity, warning.Layer, warning.Component));
        Assert.Contains("replace the earlier layer's", warning.Message);
    }

    [Fact]
    public void Validate_UnitTestGeneratorBeforeGenerators_IsAllowed()
    {
        var arch = Arch([C("unit_test_generator")], [C("generator", samples: 5)], [new ComponentConfig { Type = "unit_test_evaluator", Model = "m", FirstPass = true }]);

        Assert.Empty(ArchitectureValidator.Validate(arch));
    }

    [Fact]
    public void Validate_MixedTypesInLayer_ReportsOneTypePerLayer()
    {
        var e = SingleError(Arch([C("generator"), C("generator")], [C("fuser"), C("ranker")], [C("fuser")]));

        Assert.Equal((ValidationRules.OneTypePerLayer, 1, 1), (e.Rule, e.Layer, e.Component));
    }

    [Fact]
    public void Validate_TwoCritics_ReportsAloneInLayer()
    {
        var e = SingleError(Arch([C("generator", samples: 2)], [C("critic"), C("critic")], [C("fuser")]));

        Assert.Equal((ValidationRules.AloneInLayer, 1, 1), (e.Rule, e.Layer, e.Component));
        Assert.Contains("critic must be the only component", e.Message);
    }

    [Fact]
    public void Check_UseCritiquesWithoutCritic_NoDiagnostic_CritiquesFollowTheCritic()
    {
        // Reference behaviour: critiques are shown whenever a critic left them; use_critiques changes nothing.
        var arch = Arch([C("generator", samples: 3)], [C("ranker", topK: 2, useCritiques: true)], [C("critic")], [C("fuser")]);

        Assert.DoesNotContain(ArchitectureValidator.Check(arch, ArchitectureValidator.BuiltInTypes), d => d.Rule == ValidationRules.CriticBeforeConsumer);
    }

    [Fact]
    public void Validate_EvaluatorWithoutUnitTests_ReportsRule()
    {
        var e = SingleError(Arch([C("generator", samples: 2)], [new ComponentConfig { Type = "unit_test_evaluator", Model = "m", TopK = 1 }]));

        Assert.Equal((ValidationRules.UnitTestsBeforeEvaluator, 1, 0), (e.Rule, e.Layer, e.Component));
    }

    [Fact]
    public void Validate_FuserFirst_ReportsCandidatesRequired()
    {
        var e = SingleError(Arch([C("fuser")]));

        Assert.Equal((ValidationRules.CandidatesRequired, 0, 0), (e.Rule, e.Layer, e.Component));
    }

    [Fact]
    public void Validate_LastLayerLeavesNothing_IsError()
    {
        var e = SingleError(Arch([C("unit_test_generator")]));

        Assert.Equal((ValidationRules.SingleFinalAnswer, 0), (e.Rule, e.Layer));
    }

    [Fact]
    public void Check_LastLayerLeavesSeveral_WarnsWithCount()
    {
        var warnings = ArchitectureValidator.Check(Arch([C("generator", samples: 5)]), ArchitectureValidator.BuiltInTypes);

        Assert.Contains(warnings, w => w.Rule == ValidationRules.SingleFinalAnswer && w.Message.Contains("5 candidates"));
    }

    [Fact]
    public void Validate_UnknownTypeAndBadRange_ReportBoth()
    {
        var errors = ArchitectureValidator.Validate(Arch([C("generator", samples: 0)], [C("summarizer")]));

        Assert.Contains(errors, e => e.Rule == ValidationRules.FieldRange && e.Message.Contains("\"samples\""));
        Assert.Contains(errors, e => e.Rule == ValidationRules.UnknownType && e.Message.Contains("summarizer"));
    }

    [Fact]
    public void Validate_CustomTypeRegistered_IsAccepted()
    {
        var types = new HashSet<string>(ArchitectureValidator.BuiltInTypes) { "summarizer" };

        Assert.Empty(ArchitectureValidator.Validate(Arch([C("generator", samples: 2)], [C("summarizer")]), types));
    }

    [Fact]
    public void Validate_EveryLoadableReferenceConfig_HasNoErrors()
    {
        foreach (var file in Directory.EnumerateFiles(TestPaths.ConfigsDir, "*.json", SearchOption.AllDirectories))
        {
            var result = ArchitectureLoader.Load(file);
            if (result.Errors.Any(e => e.Rule == ValidationRules.JsonSyntax))
            {
                continue;
            }

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }
    }
}
