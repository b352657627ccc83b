using Archon.Core.Architecture;
using Archon.Core.Components;
using Archon.Core.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Core.Tests.Components;

/// <summary>One registration of a custom type is honoured by the loader, the validator, the runner and DI.</summary>
public sealed class ComponentRegistrationTests
{
    private sealed class KeepFirst : IArchitectureComponent
    {
        public Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
        {
            var n = context.Config.Extra.TryGetValue("keep", out var k) ? k.GetInt32() : 1;
            return Task.FromResult(new ComponentOutput(context.Input.Candidates.Take(n).ToList(), []));
        }
    }

    private static ComponentRegistry Registry() => ComponentRegistry.CreateDefault().Register(new ComponentRegistration("keep_first", new KeepFirst())
    {
        Keys = [new ComponentKeySpec("keep", ComponentKeyKind.WholeNumber)],
        Validate = c => c.Extra.TryGetValue("keep", out var k) && k.GetInt32() < 1 ? ["\"keep\" must be at least 1"] : [],
        NeedsCandidates = true,
        Effect = CandidateEffect.Filters,
    });

    private static string Json(string custom) => $$"""
        { "name": "x", "layers": [ [ { "type": "generator", "model": "m", "samples": 3 } ], [ {{custom}} ] ] }
        """;

    [Fact]
    public void Load_RegisteredKey_NoWarning_AndValueReachesExtra()
    {
        var result = ArchitectureLoader.Parse(Json("""{ "type": "keep_first", "keep": 2 }"""), "a.json", Registry());

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.DoesNotContain(result.Warnings, w => w.Rule == ValidationRules.UnknownKey);
        Assert.Equal(2, result.Architecture!.Layers[1].Components[0].Extra["keep"].GetInt32());
    }

    [Fact]
    public void Load_WrongKindAndBrokenRule_ErrorsNameLayerComponentAndRule()
    {
        var kind = ArchitectureLoader.Parse(Json("""{ "type": "keep_first", "keep": "two" }"""), "a.json", Registry());
        var rule = ArchitectureLoader.Parse(Json("""{ "type": "keep_first", "keep": 0 }"""), "a.json", Registry());

        Assert.Equal("a.json: layer 1, component 0: [field-type] \"keep\" of a keep_first must be a whole number, got two", Assert.Single(kind.Errors).ToString());
        Assert.Equal("a.json: layer 1, component 0: [component-rule] keep_first: \"keep\" must be at least 1", Assert.Single(rule.Errors).ToString());
    }

    [Fact]
    public void Load_CustomTypeBeforeAnyCandidates_CandidatesRequired()
    {
        var json = """{ "name": "x", "layers": [ [ { "type": "keep_first" } ], [ { "type": "generator", "model": "m" } ] ] }""";

        var result = ArchitectureLoader.Parse(json, "a.json", Registry());

        Assert.Contains(result.Errors, e => e.Rule == ValidationRules.CandidatesRequired && e.Layer == 0);
    }

    [Fact]
    public void Load_UnregisteredType_ErrorWithDidYouMean()
    {
        var result = ArchitectureLoader.Parse(Json("""{ "type": "keep_frist" }"""), "a.json", Registry());

        Assert.Contains("unknown component type \"keep_frist\" (did you mean \"keep_first\"?)", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sample", "samples")]
    [InlineData("temprature", "temperature")]
    [InlineData("max_token", "max_tokens")]
    public void Load_TypoOfBuiltInKey_WarnsWithDidYouMean(string typo, string meant)
    {
        var json = $$"""{ "name": "x", "layers": [ [ { "type": "generator", "model": "m", "{{typo}}": 3 } ] ] }""";

        var result = ArchitectureLoader.Parse(json, "a.json");

        var warning = Assert.Single(result.Warnings, w => w.Rule == ValidationRules.UnknownKey);
        Assert.Equal($"\"{typo}\": unknown key; ignored (did you mean \"{meant}\"?)", warning.Message);
    }

    [Fact]
    public async Task Runner_RegisteredType_RunsWithItsConfig()
    {
        var arch = ArchitectureLoader.Parse(Json("""{ "type": "keep_first", "keep": 2 }"""), "a.json", Registry()).GetOrThrow();

        var result = await new ArchitectureRunner(Registry()).RunAsync(arch, QueryState.Start([new ChatTurn("user", "q")]),
            new InProcessScheduler(new FakeModel(r => $"a{r.SampleIndex}")), CancellationToken.None);

        Assert.Equal(["a0", "a1"], result.FinalState.Candidates.Select(c => c.Text));
    }

    [Fact]
    public void AddArchonComponents_CodeRegistration_SharedRegistryPackAndRunner()
    {
        var services = new ServiceCollection().AddArchonComponents(configure: o => o.Registrations.Add(r => r.Register(Registry().Registrations.Single(x => x.Type == "keep_first"))));
        using var provider = services.BuildServiceProvider();

        var runner = provider.GetRequiredService<ArchitectureRunner>();

        Assert.Same(provider.GetRequiredService<ComponentRegistry>(), runner.Registry);
        Assert.True(runner.Registry.Contains("keep_first"));
        Assert.Equal(Core.Prompts.PromptPack.Default.Id, runner.Prompts.Id);
    }

    [Fact]
    public void Register_RedeclaringABuiltInKey_Rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ComponentRegistry.CreateDefault()
            .Register(new ComponentRegistration("x", new KeepFirst()) { Keys = [new ComponentKeySpec("samples", ComponentKeyKind.WholeNumber)] }));

        Assert.Contains("\"samples\" is a built-in key", ex.Message, StringComparison.Ordinal);
    }
}
