using Archon.Core.Search;
using Archon.Core.Storage;
using Archon.Core.Search.Execution;

namespace Archon.Durable.Search;

/// <summary>One candidate evaluation as the search orchestration hands it to <see cref="CandidateOrchestration"/>.
/// <paramref name="Items"/> is how many of the split's items (in their fixed order) to score.</summary>
public sealed record CandidateInput(string SearchId, string CandidateId, string PointKey, double Fidelity, int Bracket, string Split, int Items, int Parallelism, int Sequence = 0);

/// <summary>What a candidate sub-orchestration returns; <paramref name="Skipped"/> = its result was already stored.
/// <paramref name="Status"/> is a <see cref="CandidateStatus"/>; <paramref name="Error"/> the provider's error when it failed.</summary>
public sealed record CandidateSummary(string CandidateId, string PointKey, double Score, double CostUsd, long CallsNeeded, long CallsMade, bool Skipped,
    string Status = CandidateStatus.Ok, string? Error = null)
{
    public static CandidateSummary From(CandidateResult result, bool skipped)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.CandidateId, result.PointKey, result.Score, result.CostUsd, result.CallsNeeded, result.CallsMade, skipped,
            result.Status, result.Error);
    }
}

/// <summary>One item of one candidate for <see cref="EvaluateCandidateItemActivity"/>.</summary>
public sealed record CandidateItemTask(string SearchId, string PointKey, string Split, int ItemIndex);

/// <summary>Input of <see cref="ScoreCandidateActivity"/>: the candidate and references to its stored item runs, in item order.</summary>
public sealed record ScoreCandidateInput(CandidateInput Candidate, IReadOnlyList<BlobRef> Runs);

/// <summary>Output of <see cref="PrepareSearchActivity"/>.</summary>
public sealed record SearchPlanInfo(string SearchId, string Algorithm, int SpaceSize, int UnconstrainedSize, int DevItems, int TestItems);

/// <summary>Output of <see cref="ProposeCandidatesActivity"/>: the next round (empty = search phase finished).</summary>
public sealed record ProposalBatch(int Round, double EvaluationsUsed, int Evaluated, IReadOnlyList<CandidateInput> Candidates, string? Best = null, double? BestScore = null);

/// <summary>Small typed custom status of the search orchestration.</summary>
public sealed record SearchProgress(string Phase, int Round, int Evaluated, double EvaluationsUsed, double MaxEvaluations, int SpaceSize, string? Best, double? BestScore, int RunningCandidates);

/// <summary>Custom status of a candidate sub-orchestration.</summary>
public sealed record CandidateProgress(string PointKey, int ItemsDone, int Items);

/// <summary>Output of the search orchestration.</summary>
public sealed record SearchOutcome(string SearchId, string? Best, double? BestScore, double? BestTestScore, int Candidates, double EvaluationsUsed,
    long CallsNeeded, long CallsMade, string Leaderboard, string Report, string BestArchitecture)
{
    public double CandidateCostUsd { get; init; }
    public long JudgeCallsMade { get; init; }
    public long JudgeCallsCached { get; init; }
    public double JudgeCostUsd { get; init; }
    public int? TiedWithBest { get; init; }
}
