using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Writes a new answer from all current candidates (and their critiques, when a critic left some), once per sample.
/// Its outputs replace the candidate list, so the old critiques go with the old candidates.
/// With <c>length_control</c> it asks for no more words than the median candidate.
/// </summary>
public sealed class FuserComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        var c = context.Config;
        var input = context.Input.Candidates;
        var notes = new List<ExecutionNote>();
        if (input.Count == 0)
        {
            notes.Add(context.Note("fallback", "no candidates to fuse; the fuser made no calls"));
            return new ComponentOutput([], notes);
        }

        var includeCritiques = input.Any(x => x.Critique is not null);
        int? maxWords = c.LengthControl ? MedianWords(input) : null;
        var user = PromptTemplates.FuserUser(context.Query, input, includeCritiques, maxWords, context.Input.UnitTests);
        var messages = PromptBuilder.Compose(PromptTemplates.FuserSystem, context.Input.Conversation, user, c.NoSystem);
        var requests = ModelCalls.PerSample(context, messages);
        var calls = await ModelCalls.RunParsedAsync(context, scheduler, requests, ModelCalls.NonEmpty, notes, cancellationToken);
        var candidates = calls
            .Select((call, s) => (call, s))
            .Where(x => x.call.Parsed)
            .Select(x => new Candidate($"{context.CallPrefix}.s{x.s}", x.call.Value!, c.Model, context.Layer))
            .ToList();
        return new ComponentOutput(candidates, notes);
    }

    internal static int MedianWords(IReadOnlyList<Candidate> candidates)
    {
        var counts = candidates.Select(x => x.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length).Order().ToList();
        return Math.Max(1, counts[counts.Count / 2]);
    }
}
