using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Writes strengths and weaknesses for every candidate in one call per sample and attaches each critique to its
/// candidate (replacing an older critique). A candidate whose critique could not be read keeps none, with a note.
/// </summary>
public sealed class CriticComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        var c = context.Config;
        var input = context.Input.Candidates;
        var notes = new List<ExecutionNote>();
        if (input.Count == 0)
        {
            return new ComponentOutput(input, notes);
        }

        var user = PromptTemplates.CriticUser(context.Query, input);
        var messages = PromptBuilder.Compose(PromptTemplates.CriticSystem, context.Input.Conversation, user, c.NoSystem);
        var requests = ModelCalls.PerSample(context, messages);
        var calls = await ModelCalls.RunParsedAsync(context, scheduler, requests, t => CritiqueParser.Parse(t, input.Count), notes, cancellationToken);
        var parsed = calls.Where(x => x.Parsed).Select(x => x.Value!).ToList();
        if (parsed.Count == 0)
        {
            notes.Add(context.Note("fallback", "no critique could be read; candidates go on without critiques"));
            return new ComponentOutput(input.Select(x => x with { Critique = null }).ToList(), notes);
        }

        var output = input.Select((candidate, i) => candidate with { Critique = string.Join("\n\n", parsed.Select(p => p[i])) }).ToList();
        return new ComponentOutput(output, notes);
    }
}
