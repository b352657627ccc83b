using Archon.Core.Search;
using Archon.Core.Search.Execution;
using Archon.Durable.Contracts;
using Archon.Durable.Search;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Archon.Functions.Functions;

/// <summary>One-line [Function] wrappers over the search orchestrators and activities in Archon.Durable.Search.</summary>
public sealed class SearchFunctions(
    PrepareSearchActivity prepare,
    ProposeCandidatesActivity propose,
    LoadCandidateActivity load,
    EvaluateCandidateItemActivity evaluate,
    ScoreCandidateActivity score,
    UpdateLeaderboardActivity leaderboard,
    SelectFinalistsActivity finalists,
    FinalizeSearchActivity finalize)
{
    [Function(nameof(SearchOrchestration))]
    public static Task<SearchOutcome?> Search([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SearchOrchestration().RunAsync(context, context.GetInput<SearchRequest>()!);

    [Function(nameof(CandidateOrchestration))]
    public static Task<CandidateSummary> Candidate([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new CandidateOrchestration().RunAsync(context, context.GetInput<CandidateInput>()!);

    [Function(nameof(PrepareSearchActivity))]
    public Task<SearchPlanInfo> Prepare([ActivityTrigger] SearchRequest input) => prepare.RunAsync(new FunctionActivityContext(nameof(PrepareSearchActivity)), input);

    [Function(nameof(ProposeCandidatesActivity))]
    public Task<ProposalBatch> Propose([ActivityTrigger] string searchId) => propose.RunAsync(new FunctionActivityContext(nameof(ProposeCandidatesActivity)), searchId);

    [Function(nameof(LoadCandidateActivity))]
    public Task<CandidateSummary?> Load([ActivityTrigger] CandidateInput input) => load.RunAsync(new FunctionActivityContext(nameof(LoadCandidateActivity)), input);

    [Function(nameof(EvaluateCandidateItemActivity))]
    public Task<ItemRun> Evaluate([ActivityTrigger] CandidateItemTask input) => evaluate.RunAsync(new FunctionActivityContext(nameof(EvaluateCandidateItemActivity)), input);

    [Function(nameof(ScoreCandidateActivity))]
    public Task<CandidateSummary> Score([ActivityTrigger] ScoreCandidateInput input) => score.RunAsync(new FunctionActivityContext(nameof(ScoreCandidateActivity)), input);

    [Function(nameof(UpdateLeaderboardActivity))]
    public Task<Leaderboard> UpdateLeaderboard([ActivityTrigger] string searchId) => leaderboard.RunAsync(new FunctionActivityContext(nameof(UpdateLeaderboardActivity)), searchId);

    [Function(nameof(SelectFinalistsActivity))]
    public Task<IReadOnlyList<CandidateInput>> SelectFinalists([ActivityTrigger] string searchId) => finalists.RunAsync(new FunctionActivityContext(nameof(SelectFinalistsActivity)), searchId);

    [Function(nameof(FinalizeSearchActivity))]
    public Task<SearchOutcome> Finalize([ActivityTrigger] string searchId) => finalize.RunAsync(new FunctionActivityContext(nameof(FinalizeSearchActivity)), searchId);
}
