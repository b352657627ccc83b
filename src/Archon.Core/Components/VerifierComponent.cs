using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Two stages per candidate and sample, each stage one concurrent batch: first the model reasons about the candidate,
/// then, shown its own reasoning, gives a [[Correct]]/[[Incorrect]] verdict. A candidate is verified when at least half
/// of its readable verdicts are positive. Output: verified candidates, then candidates whose verification failed
/// (kept, with a note — never dropped silently), cut to <c>first_k</c>. If every candidate was judged incorrect the
/// list is kept unchanged, with a note, so the query still has an answer.
/// </summary>
public sealed class VerifierComponent : IArchitectureComponent
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

        var plan = (from ci in Enumerable.Range(0, input.Count) from s in Enumerable.Range(0, c.Samples) select (ci, s)).ToList();
        var reasoningRequests = plan.Select(p => ModelCalls.Request(context, p.s, p.ci,
            PromptBuilder.Compose(PromptTemplates.VerifierSystem, context.Input.Conversation,
                PromptTemplates.VerifierReasoningUser(context.Query, input[p.ci]), c.NoSystem), "reason")).ToList();
        var reasoning = await ModelCalls.RunParsedAsync(context, scheduler, reasoningRequests, ModelCalls.NonEmpty, notes, cancellationToken);

        var verdictPlan = plan.Select((p, i) => (p.ci, p.s, r: reasoning[i])).Where(x => x.r.Parsed).ToList();
        var verdictRequests = verdictPlan.Select(x => ModelCalls.Request(context, x.s, x.ci,
            x.r.Request.Messages.Concat([new ChatTurn("assistant", x.r.Value!), new ChatTurn("user", PromptTemplates.VerifierVerdictUser)]).ToList(),
            "verdict")).ToList();
        var verdicts = await ModelCalls.RunParsedAsync(context, scheduler, verdictRequests, VerdictParser.Parse, notes, cancellationToken);

        var votes = new List<bool>[input.Count];
        for (var i = 0; i < input.Count; i++)
        {
            votes[i] = [];
        }

        for (var i = 0; i < verdictPlan.Count; i++)
        {
            if (verdicts[i].Parsed)
            {
                votes[verdictPlan[i].ci].Add(verdicts[i].Value);
            }
        }

        var verified = new List<Candidate>();
        var undetermined = new List<Candidate>();
        for (var i = 0; i < input.Count; i++)
        {
            if (votes[i].Count == 0)
            {
                notes.Add(context.Note("verification-failed", $"candidate {input[i].Id} could not be verified; kept after the verified ones"));
                undetermined.Add(input[i]);
            }
            else if (votes[i].Count(v => v) * 2 >= votes[i].Count)
            {
                verified.Add(input[i]);
            }
        }

        var output = verified.Concat(undetermined).ToList();
        if (output.Count == 0)
        {
            notes.Add(context.Note("fallback", "the verifier judged every candidate incorrect; all are kept in their previous order"));
            output = input.ToList();
        }

        return new ComponentOutput(output.Take(c.FirstK ?? output.Count).ToList(), notes);
    }
}
