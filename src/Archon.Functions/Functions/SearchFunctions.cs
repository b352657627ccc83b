using Archon.Core.Search;
using Archon.Core.Search.Execution;
using Archon.Core.Storage;
using Archon.Durable.Contracts;
using Archon.Durable.Search;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Archon.Functions.Functions;

/// <summary>One-line [Function] wrappers over the search orchestrators in Archon.Durable.Search.</summary>
public static class SearchOrchestratorFunctions
{
    [Function(nameof(SearchOrchestration))]
    public static Task<SearchOutcome?> SearchOrchestration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SearchOrchestration().RunAsync(context, context.GetInput<SearchRequest>()!);

    [Function(nameof(CandidateOrchestration))]
    public static Task<CandidateSummary> CandidateOrchestration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new CandidateOrchestration().RunAsync(context, context.GetInput<CandidateInput>()!);
}

/// <summary>One-line [Function] wrappers over the search activities (resolved from DI).</summary>
public sealed class SearchActivityFunctions(
    PrepareSearchActivity prepare,
    ProposeCandidatesActivity propose,
    LoadCandidateActivity load,
    EvaluateCandidateItemActivity evaluateItem,
    ScoreCandidateActivity score,
    UpdateLeaderboardActivity leaderboard,
    SelectFinalistsActivity finalists,
    FinalizeSearchActivity finalize)
{
    [Function(nameof(PrepareSearchActivity))]
    public Task<SearchPlanInfo> Prepare([ActivityTrigger] SearchRequest input) => prepare.ExecuteAsync(input);

    [Function(nameof(ProposeCandidatesActivity))]
    public Task<ProposalBatch> Propose([ActivityTrigger] string searchId) => propose.ExecuteAsync(searchId);

    [Function(nameof(LoadCandidateActivity))]
    public Task<CandidateSummary?> Load([ActivityTrigger] CandidateInput input) => load.ExecuteAsync(input);

    [Function(nameof(EvaluateCandidateItemActivity))]
    public Task<BlobRef> EvaluateItem([ActivityTrigger] CandidateItemTask input) => evaluateItem.ExecuteAsync(input);

    [Function(nameof(ScoreCandidateActivity))]
    public Task<CandidateSummary> Score([ActivityTrigger] ScoreCandidateInput input) => score.ExecuteAsync(input);

    [Function(nameof(UpdateLeaderboardActivity))]
    public Task<Leaderboard> UpdateLeaderboard([ActivityTrigger] string searchId) => leaderboard.ExecuteAsync(searchId);

    [Function(nameof(SelectFinalistsActivity))]
    public Task<IReadOnlyList<CandidateInput>> SelectFinalists([ActivityTrigger] string searchId) => finalists.ExecuteAsync(searchId);

    [Function(nameof(FinalizeSearchActivity))]
    public Task<SearchOutcome> Finalize([ActivityTrigger] string searchId) => finalize.ExecuteAsync(searchId);
}
