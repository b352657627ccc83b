using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;
using Archon.Core.Providers;

namespace Archon.Core.Components;

/// <summary>
/// Orders the candidates best to worst and keeps the first <c>top_k</c> (all when unset). As in the reference, the
/// critiques are shown whenever a critic left them (<c>use_critiques</c> changes nothing) and critiques travel with
/// their candidates. Extensions: with several samples the orderings are combined by mean position (ties keep the
/// earlier candidate); a single candidate needs no call; if no ordering can be read the previous order is kept.
/// A ranker whose model is llm-blender/PairRM ranks with that reward model (one call to its catalog endpoint, no
/// prompt), as the reference does.
/// </summary>
public sealed class RankerComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var c = context.Config;
        var input = context.Input.Candidates;
        var notes = new List<ExecutionNote>();
        var keep = Math.Min(c.TopK ?? input.Count, input.Count);
        if (input.Count <= 1)
        {
            return new ComponentOutput(input, notes);
        }

        var requests = RewardModels.IsRewardRanker(c)
            ? [ModelCalls.Request(context, 0, null, [new ChatTurn("user", RewardModelChatClient.WriteRequest(context.Query, input.Select(x => x.Text).ToList()))], "reward")]
            : ModelCalls.PerSample(context, Messages(context, input));
        var calls = await ModelCalls.RunParsedAsync(context, scheduler, requests, t => RankingParser.Parse(t, input.Count), notes, cancellationToken);
        var orderings = calls.Where(x => x.Parsed).Select(x => x.Value!).ToList();
        if (orderings.Count == 0)
        {
            notes.Add(context.Note("fallback", "no ranking could be read; candidates keep their previous order"));
            return new ComponentOutput(input.Take(keep).ToList(), notes);
        }

        var order = Combine(orderings, input.Count);
        return new ComponentOutput(order.Take(keep).Select(i => input[i]).ToList(), notes);
    }

    private static IReadOnlyList<ChatTurn> Messages(ComponentContext context, IReadOnlyList<Candidate> input)
    {
        var pack = context.Prompts;
        var critiques = input.Any(x => x.Critique is { Length: > 0 });
        var list = ComponentPrompts.List(pack, input, PromptStages.RankerCandidate, PromptStages.RankerCandidateWithCritique);
        var user = pack.Render(critiques ? PromptStages.RankerUserWithCritiques : PromptStages.RankerUser,
            ("query", context.Query), ("candidates", list), ("count", input.Count));
        return PromptBuilder.Compose(pack.Text(PromptStages.RankerSystem), context.Conversation, user, context.Config.NoSystem);
    }

    /// <summary>Mean position across orderings; stable on ties.</summary>
    internal static IReadOnlyList<int> Combine(IReadOnlyList<IReadOnlyList<int>> orderings, int count)
    {
        var total = new double[count];
        foreach (var ordering in orderings)
        {
            for (var position = 0; position < ordering.Count; position++)
            {
                total[ordering[position]] += position;
            }
        }

        return Enumerable.Range(0, count).OrderBy(i => total[i]).ThenBy(i => i).ToList();
    }
}
