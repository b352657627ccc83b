using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// The reference verifier: per candidate, stage 1 asks for reasoning why the candidate answers the request
/// correctly; stage 2 is a fresh call (its own system message) with the request, the candidate and that reasoning,
/// asking for an explanation and then '[Correct]' or '[Incorrect]'. Each stage is one concurrent batch.
/// Selection (reference): the verified candidates in their order, cut to <c>first_k</c>; if none is verified, the
/// candidates judged incorrect go on instead (undetermined ones are dropped). Extensions: with several samples a
/// candidate is verified when at least half its readable verdicts are positive; when no candidate could be judged
/// at all, every candidate goes on with a note (the reference would leave none).
/// </summary>
public sealed class VerifierComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var c = context.Config;
        var input = context.Input.Candidates;
        var notes = new List<ExecutionNote>();
        if (input.Count == 0)
        {
            return new ComponentOutput(input, notes);
        }

        var pack = context.Prompts;
        var query = context.Query;
        var plan = (from ci in Enumerable.Range(0, input.Count) from s in Enumerable.Range(0, c.Samples) select (ci, s)).ToList();
        var reasoningRequests = plan.Select(p => ModelCalls.Request(context, p.s, p.ci,
            PromptBuilder.Compose(pack.Text(PromptStages.VerifierReasoningSystem), context.Conversation,
                pack.Render(PromptStages.VerifierReasoningUser, ("query", query), ("candidate", input[p.ci].Text)), c.NoSystem), "reason")).ToList();
        var reasoning = await ModelCalls.RunParsedAsync(context, scheduler, reasoningRequests, ModelCalls.NonEmpty, notes, cancellationToken);

        var verdictPlan = plan.Select((p, i) => (p.ci, p.s, r: reasoning[i])).Where(x => x.r.Parsed).ToList();
        var verdictRequests = verdictPlan.Select(x => ModelCalls.Request(context, x.s, x.ci,
            PromptBuilder.Compose(pack.Text(PromptStages.VerifierVerdictSystem), context.Conversation,
                pack.Render(PromptStages.VerifierVerdictUser, ("query", query), ("candidate", input[x.ci].Text), ("reasoning", x.r.Value!)), c.NoSystem),
            "verdict")).ToList();
        var verdicts = await ModelCalls.RunParsedAsync(context, scheduler, verdictRequests, VerdictParser.Parse, notes, cancellationToken);

        var votes = Enumerable.Range(0, input.Count).Select(_ => new List<bool>()).ToArray();
        for (var i = 0; i < verdictPlan.Count; i++)
        {
            if (verdicts[i].Parsed)
            {
                votes[verdictPlan[i].ci].Add(verdicts[i].Value);
            }
        }

        return new ComponentOutput(Select(context, input, votes, notes), notes);
    }

    private static List<Candidate> Select(ComponentContext context, IReadOnlyList<Candidate> input, List<bool>[] votes, List<ExecutionNote> notes)
    {
        var verified = new List<Candidate>();
        var incorrect = new List<Candidate>();
        for (var i = 0; i < input.Count; i++)
        {
            if (votes[i].Count == 0)
            {
                notes.Add(context.Note("verification-failed", $"candidate {input[i].Id} could not be verified"));
            }
            else if (votes[i].Count(v => v) * 2 >= votes[i].Count)
            {
                verified.Add(input[i]);
            }
            else
            {
                incorrect.Add(input[i]);
            }
        }

        if (verified.Count > 0)
        {
            return verified.Take(context.Config.FirstK ?? verified.Count).ToList();
        }

        if (incorrect.Count > 0)
        {
            notes.Add(context.Note("fallback", "no candidate passed verification; the candidates judged incorrect go on (reference rule)"));
            return incorrect;
        }

        notes.Add(context.Note("fallback", "no candidate could be verified; all candidates go on in their previous order"));
        return input.ToList();
    }
}
