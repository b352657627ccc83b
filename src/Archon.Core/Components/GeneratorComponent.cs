using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>Answers the conversation <c>samples</c> times with its model; each reply becomes a candidate.</summary>
public sealed class GeneratorComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        var c = context.Config;
        var tests = context.Input.UnitTests;
        var hint = tests.Count > 0 ? PromptTemplates.GeneratorUnitTestHint(tests) : null;
        var messages = PromptBuilder.ForGenerator(context.Input.Conversation, c.NoSystem, hint);
        var requests = ModelCalls.PerSample(context, messages);
        var notes = new List<ExecutionNote>();
        var calls = await ModelCalls.RunParsedAsync(context, scheduler, requests, ModelCalls.NonEmpty, notes, cancellationToken);
        var candidates = calls
            .Select((call, s) => (call, s))
            .Where(x => x.call.Parsed)
            .Select(x => new Candidate($"{context.CallPrefix}.s{x.s}", x.call.Value!, c.Model, context.Layer))
            .ToList();
        return new ComponentOutput(candidates, notes);
    }
}
