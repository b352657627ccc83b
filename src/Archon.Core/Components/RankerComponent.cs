using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Orders the candidates best to worst and keeps the first <c>top_k</c> (all when unset). With several samples the
/// orderings are combined by mean position, ties keeping the earlier candidate. If no ordering can be read the
/// original order is kept and a note says so. Critiques travel with their candidates.
/// </summary>
public sealed class RankerComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        var c = context.Config;
        var input = context.Input.Candidates;
        var notes = new List<ExecutionNote>();
        var keep = Math.Min(c.TopK ?? input.Count, input.Count);
        if (input.Count <= 1)
        {
            return new ComponentOutput(input, notes);
        }

        var user = PromptTemplates.RankerUser(context.Query, input, c.UseCritiques);
        var messages = PromptBuilder.Compose(PromptTemplates.RankerSystem, context.Input.Conversation, user, c.NoSystem);
        var requests = ModelCalls.PerSample(context, messages);
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
