using Archon.Core.Architecture;
using Archon.Core.Components;
using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Core.Tests.Components.Reference;

/// <summary>Runs an architecture on a scripted invoker and exposes the exact messages each call sent.</summary>
internal static class RefHarness
{
    public static PromptPack Pack => PromptPack.Default;

    public static ComponentConfig C(string type, string model = "m", int samples = 1) => new() { Type = type, Model = model, Samples = samples };

    public static ArchitectureConfig Arch(params ComponentConfig[][] layers) =>
        new() { Name = "t", Layers = layers.Select(l => new LayerConfig(l)).ToList() };

    public static async Task<(PipelineResult Result, FakeModel Invoker)> RunAsync(ArchitectureConfig arch, Func<ModelCallRequest, string?> script,
        params ChatTurn[] conversation)
    {
        var invoker = new FakeModel(script);
        var start = QueryState.Start(conversation.Length == 0 ? [new ChatTurn("user", "Name a prime.")] : conversation);
        var result = await new ArchitectureRunner().RunAsync(arch, start, new InProcessScheduler(invoker), CancellationToken.None);
        return (result, invoker);
    }

    public static ModelCallRequest Call(FakeModel invoker, string callId) => invoker.Calls.Single(c => c.CallId == callId);

    /// <summary>Candidates rendered with the pack's item templates, as the components join them.</summary>
    public static string List(string plain, params string[] texts) =>
        string.Join("\n\n", texts.Select((t, i) => Pack.Render(plain, ("index", i + 1), ("text", t))));

    /// <summary>Generators answer "answer {model}.{sample}"; other roles fall back to the canned responder.</summary>
    public static string? Generators(ModelCallRequest r) => r.Role == ComponentTypes.Generator ? $"answer {r.ModelId}.{r.SampleIndex}" : null;
}
