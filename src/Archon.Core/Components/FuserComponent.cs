using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Writes a new answer from all current candidates, once per sample (reference rules): the critiques are shown
/// whenever a critic left them; <c>length_control</c> caps the answer at the length of the longest candidate.
/// Its outputs replace the candidate list, so the old critiques go with the old candidates.
/// </summary>
public sealed class FuserComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var c = context.Config;
        var input = context.Input.Candidates;
        var notes = new List<ExecutionNote>();
        if (input.Count == 0)
        {
            notes.Add(context.Note("fallback", "no candidates to fuse; the fuser made no calls"));
            return new ComponentOutput([], notes);
        }

        var pack = context.Prompts;
        var critiques = input.Any(x => x.Critique is { Length: > 0 });
        var list = ComponentPrompts.List(pack, input, PromptStages.FuserCandidate, PromptStages.FuserCandidateWithCritique);
        var lengthRule = c.LengthControl ? pack.Render(PromptStages.FuserLengthControl, ("max_words", LongestWords(input))) : "";
        var user = pack.Render(critiques ? PromptStages.FuserUserWithCritiques : PromptStages.FuserUser,
            ("query", context.Query), ("candidates", list), ("count", input.Count), ("length_rule", lengthRule));
        var messages = PromptBuilder.Compose(pack.Text(PromptStages.FuserSystem), context.Conversation, user, c.NoSystem);
        var requests = ModelCalls.PerSample(context, messages);
        var calls = await ModelCalls.RunParsedAsync(context, scheduler, requests, ModelCalls.NonEmpty, notes, cancellationToken);
        var candidates = calls
            .Select((call, s) => (call, s))
            .Where(x => x.call.Parsed)
            .Select(x => new Candidate($"{context.CallPrefix}.s{x.s}", x.call.Value!, c.Model, context.Layer))
            .ToList();
        return new ComponentOutput(candidates, notes);
    }

    /// <summary>The word count of the longest candidate: the reference's length_control bound.</summary>
    internal static int LongestWords(IReadOnlyList<Candidate> candidates) =>
        Math.Max(1, candidates.Max(x => ComponentPrompts.Words(x.Text)));
}
