using Archon.Core.Search;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.DurableTask;

namespace Archon.Durable.Search;

/// <summary>
/// The architecture search (instance id = search id). One generation = one round: prepare (spec + cached
/// preprocessing), propose (activity), one <see cref="CandidateOrchestration"/> per candidate with instance id
/// <c>{searchId}-c{candidateId}</c>, leaderboard update, then ContinueAsNew so history stays one round long. When the
/// algorithm proposes nothing, the top N are re-evaluated on the held-out split and the outputs are written.
/// Everything the next round needs is in the store, so restarting the same search id resumes where it stopped.
/// </summary>
public sealed class SearchOrchestration : TaskOrchestrator<SearchRequest, SearchOutcome?>
{
    public override async Task<SearchOutcome?> RunAsync(TaskOrchestrationContext context, SearchRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await context.CallActivityAsync<SearchPlanInfo>(nameof(PrepareSearchActivity), input, DurableRetry.Activity);
        var batch = await context.CallActivityAsync<ProposalBatch>(nameof(ProposeCandidatesActivity), input.SearchId, DurableRetry.Activity);
        var spec = SearchSpecLoader.Parse(input.SpecJson, input.SearchId);
        if (batch.Candidates.Count > 0)
        {
            context.SetCustomStatus(new SearchProgress("searching", batch.Round, batch.Evaluated, batch.EvaluationsUsed, spec.MaxEvaluations, plan.SpaceSize, batch.Best, batch.BestScore, batch.Candidates.Count));
            var summaries = await RunCandidates(context, batch.Candidates);
            var leaderboard = await context.CallActivityAsync<Leaderboard>(nameof(UpdateLeaderboardActivity), input.SearchId, DurableRetry.Activity);
            if (leaderboard.Candidates > 0 && leaderboard.FailedCandidates == leaderboard.Candidates)
            {
                // Every candidate so far had all its model calls fail: more rounds would only repeat the provider's error.
                var error = summaries.FirstOrDefault(s => s.Error is not null)?.Error ?? leaderboard.FirstError ?? "no error recorded";
                throw new SearchFailedException($"search '{input.SearchId}': all {leaderboard.Candidates} candidates failed; {error}");
            }

            var top = leaderboard.Entries.FirstOrDefault(e => e.PointKey == leaderboard.Recommended) ?? (leaderboard.Entries.Count > 0 ? leaderboard.Entries[0] : null);
            context.SetCustomStatus(new SearchProgress("searching", batch.Round, leaderboard.Candidates, leaderboard.EvaluationsUsed, spec.MaxEvaluations, plan.SpaceSize, top?.PointKey, top?.Score, 0));
            context.ContinueAsNew(input, preserveUnprocessedEvents: false);
            return null;
        }

        context.SetCustomStatus(new SearchProgress("held-out", batch.Round, batch.Evaluated, batch.EvaluationsUsed, spec.MaxEvaluations, plan.SpaceSize, batch.Best, batch.BestScore, 0));
        var finalists = await context.CallActivityAsync<IReadOnlyList<CandidateInput>>(nameof(SelectFinalistsActivity), input.SearchId, DurableRetry.Activity);
        await RunCandidates(context, finalists);
        var outcome = await context.CallActivityAsync<SearchOutcome>(nameof(FinalizeSearchActivity), input.SearchId, DurableRetry.Activity);
        context.SetCustomStatus(new SearchProgress("completed", batch.Round, outcome.Candidates, outcome.EvaluationsUsed, spec.MaxEvaluations, plan.SpaceSize, outcome.Best, outcome.BestScore, 0));
        return outcome;
    }

    private static Task<CandidateSummary[]> RunCandidates(TaskOrchestrationContext context, IReadOnlyList<CandidateInput> candidates) =>
        Task.WhenAll(candidates.Select(c => context.CallSubOrchestratorAsync<CandidateSummary>(
            nameof(CandidateOrchestration), c, DurableRetry.SubOrchestration(SearchBlobs.InstanceId(c.SearchId, c.CandidateId)))));
}
