using Archon.Core.Search;
using Microsoft.DurableTask;

namespace Archon.Durable.Search;

/// <summary>The top N full-fidelity dev candidates by objective (the recommended one first), as held-out test runs.</summary>
public sealed class SelectFinalistsActivity(SearchWorkspace workspace) : TaskActivity<string, IReadOnlyList<CandidateInput>>
{
    public override Task<IReadOnlyList<CandidateInput>> RunAsync(TaskActivityContext context, string input) => ExecuteAsync(input);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<IReadOnlyList<CandidateInput>> ExecuteAsync(string input)
    {
        var session = await workspace.SessionAsync(input, CancellationToken.None).ConfigureAwait(false);
        var testItems = workspace.Environment.Items(session.Spec, "test").Count;
        if (session.Spec.TopN == 0 || testItems == 0)
        {
            return [];
        }

        var results = (await workspace.ResultsAsync(input, CancellationToken.None).ConfigureAwait(false)).Where(r => r.Split == "dev").ToList();
        var history = results.OrderBy(r => r.Sequence).Select(r => r.ToObservation()).ToList();
        var recommended = LeaderboardBuilder.Feasible(session.Algorithm.Recommend(history)?.Key, results);
        var top = results.Where(r => r.Fidelity >= 1 && r.IsOk)
            .OrderByDescending(r => r.PointKey == recommended)
            .ThenByDescending(r => r.Score - session.Spec.Lambda * r.CostUsd)
            .Take(session.Spec.TopN).ToList();
        return [.. top.Select((r, i) => new CandidateInput(input,
            SearchBlobs.CandidateId(session.Space.IndexOf(SearchPoint.TryParse(r.PointKey)!), "test", 1, testItems),
            r.PointKey, 1, 0, "test", testItems, session.Spec.ItemParallelism, i))];
    }
}
