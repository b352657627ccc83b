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
        var runs = new List<ItemRun>(input.Runs.Count);
        foreach (var reference in input.Runs)
        {
            runs.Add(await workspace.Store.GetJsonAsync<ItemRun>(reference, CancellationToken.None).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"candidate {candidate.CandidateId}: item run {reference} is missing from {workspace.Store.Location}"));
        }

        var scores = new List<CandidateItemScore>(runs.Count);
        using var judge = workspace.JudgeMeter.BeginScope();
        for (var i = 0; i < runs.Count; i++)
        {
            var s = await workspace.Environment.Scorer(items[i]).ScoreAsync(items[i], runs[i].Answer, CancellationToken.None).ConfigureAwait(false);
            scores.Add(new CandidateItemScore(items[i].Id, s.Value, s.Scored));
        }

        var summary = ArchitectureEvaluator.Summarize(runs, scores);
        var point = SearchPoint.TryParse(candidate.PointKey)!;
        var index = session.Space.IndexOf(point);
        var estimated = index >= 0 ? session.Space.Estimates[index].Dollars : session.Space.Encoder.Estimate(point).Dollars;
        var status = CandidateStatus.Of(summary, session.Space.Budget, input.Runs.Count);
        var usage = judge.Snapshot();
        var result = new CandidateResult(candidate.SearchId, candidate.CandidateId, candidate.PointKey, candidate.Split, candidate.Fidelity,
            candidate.Bracket, runs.Count, summary.Score, summary.StdError, summary.CostUsd, summary.LatencyMs,
            summary.CallsNeeded, summary.CallsMade, session.Space.Encoder.Encode(point), scores, candidate.Sequence,
            estimated, summary.FailedItems, summary.OverBudgetItems, summary.Error, status,
            usage.CallsMade, usage.CallsCached, usage.CostUsd)
        {
            TotalCostUsd = summary.TotalCostUsd,
            SpentUsd = summary.SpentUsd,
        };
        await workspace.Store.PutJsonAsync(BlobLayout.SearchCandidate(candidate.SearchId, candidate.CandidateId), result, CancellationToken.None).ConfigureAwait(false);
        return CandidateSummary.From(result, skipped: false);
    }
}
