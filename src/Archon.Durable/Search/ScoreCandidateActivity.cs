using Archon.Core.Search;
using Archon.Core.Search.Execution;
using Archon.Core.Storage;
using Microsoft.DurableTask;

namespace Archon.Durable.Search;

/// <summary>Scores a candidate's answers (scorers may execute code or call a judge: I/O, so an activity) and writes the
/// candidate result to the store. Idempotent: a retry overwrites the same blob.</summary>
public sealed class ScoreCandidateActivity(SearchWorkspace workspace) : TaskActivity<ScoreCandidateInput, CandidateSummary>
{
    public override Task<CandidateSummary> RunAsync(TaskActivityContext context, ScoreCandidateInput input) => ExecuteAsync(input);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<CandidateSummary> ExecuteAsync(ScoreCandidateInput input)
    {
        var candidate = input.Candidate;
        var session = await workspace.SessionAsync(candidate.SearchId, CancellationToken.None).ConfigureAwait(false);
        var items = workspace.Environment.Items(session.Spec, candidate.Split);
        var scores = new List<CandidateItemScore>(input.Runs.Count);
        using var judge = workspace.JudgeMeter.BeginScope();
        for (var i = 0; i < input.Runs.Count; i++)
        {
            var s = await workspace.Environment.Scorer(items[i]).ScoreAsync(items[i], input.Runs[i].Answer, CancellationToken.None).ConfigureAwait(false);
            scores.Add(new CandidateItemScore(items[i].Id, s.Value, s.Scored));
        }

        var summary = ArchitectureEvaluator.Summarize(input.Runs, scores);
        var point = SearchPoint.TryParse(candidate.PointKey)!;
        var result = new CandidateResult(candidate.SearchId, candidate.CandidateId, candidate.PointKey, candidate.Split, candidate.Fidelity,
            candidate.Bracket, input.Runs.Count, summary.Score, summary.StdError, summary.CostUsd, summary.LatencyMs,
            summary.CallsNeeded, summary.CallsMade, session.Space.Encoder.Encode(point), scores, candidate.Sequence);
        var usage = judge.Snapshot();
        result = result with { JudgeCallsMade = usage.CallsMade, JudgeCallsCached = usage.CallsCached, JudgeCostUsd = usage.CostUsd };
        await workspace.Store.PutJsonAsync(BlobLayout.SearchCandidate(candidate.SearchId, candidate.CandidateId), result, CancellationToken.None).ConfigureAwait(false);
        return new CandidateSummary(candidate.CandidateId, candidate.PointKey, summary.Score, summary.CostUsd, summary.CallsNeeded, summary.CallsMade, Skipped: false);
    }
}
