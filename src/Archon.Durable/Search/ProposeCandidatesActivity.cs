using Archon.Core.Search;
using Archon.Core.Storage;
using Microsoft.DurableTask;

namespace Archon.Durable.Search;

/// <summary>
/// Computes the next round from the stored results (the algorithm is stateless: history in, proposals out), so the
/// orchestration never carries the history and a restarted search proposes from exactly what is finished.
/// </summary>
public sealed class ProposeCandidatesActivity(SearchWorkspace workspace) : TaskActivity<string, ProposalBatch>
{
    public override Task<ProposalBatch> RunAsync(TaskActivityContext context, string input) => ExecuteAsync(input);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<ProposalBatch> ExecuteAsync(string input)
    {
        var session = await workspace.SessionAsync(input, CancellationToken.None).ConfigureAwait(false);
        var results = (await workspace.ResultsAsync(input, CancellationToken.None).ConfigureAwait(false)).Where(r => r.Split == "dev").ToList();
        var history = results.OrderBy(r => r.Sequence).ThenBy(r => r.CandidateId, StringComparer.Ordinal).Select(r => r.ToObservation()).ToList();
        var view = new SearchHistory(history, session.Spec.Lambda);
        var devItems = workspace.Environment.Items(session.Spec, "dev").Count;
        // A round interrupted by a restart is finished as proposed (its finished candidates are skipped by their
        // sub-orchestrations): proposing afresh from a half-finished round would make the resumed search differ from an
        // uninterrupted one.
        var finished = results.Select(r => r.CandidateId).ToHashSet(StringComparer.Ordinal);
        if (await workspace.Store.GetJsonAsync<ProposalBatch>(SearchBlobs.Round(input), CancellationToken.None).ConfigureAwait(false) is { } pending
            && pending.Candidates.Any(c => !finished.Contains(c.CandidateId)))
        {
            return pending;
        }

        var proposals = session.Algorithm.Propose(history);
        var candidates = proposals.Select((p, i) =>
        {
            var items = Math.Max(1, (int)Math.Ceiling(p.Fidelity * devItems - 1e-9));
            var id = SearchBlobs.CandidateId(session.Space.IndexOf(p.Point), "dev", p.Fidelity, items);
            return new CandidateInput(input, id, p.Point.Key, p.Fidelity, p.Bracket, "dev", items, session.Spec.ItemParallelism, results.Count + i);
        }).ToList();
        var best = view.BestFull();
        var batch = new ProposalBatch(history.Count / Math.Max(1, session.Spec.BatchSize) + 1, view.EvaluationsUsed, view.Latest.Count, candidates,
            best?.Point.Key, best?.Score);
        await workspace.Store.PutJsonAsync(SearchBlobs.Round(input), batch, CancellationToken.None).ConfigureAwait(false);
        return batch;
    }
}
