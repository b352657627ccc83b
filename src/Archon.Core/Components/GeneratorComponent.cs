using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Answers the conversation <c>samples</c> times with its model; each reply becomes a candidate. The conversation is
/// sent as it is (reference behaviour): no system message of ours, only the user's own (dropped with <c>no_system</c>).
/// Once a unit-test generator has run, the request carries the unit tests, as in the reference.
/// </summary>
public sealed class GeneratorComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var c = context.Config;
        var messages = PromptBuilder.ForGenerator(context.Conversation, c.NoSystem);
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
