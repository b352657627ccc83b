using Archon.Core.Search;
using Archon.Core.Storage;
using Microsoft.DurableTask;

namespace Archon.Durable.Search;

/// <summary>Rewrites leaderboard.json and pareto.json from the stored results; returns the leaderboard.</summary>
public sealed class UpdateLeaderboardActivity(SearchWorkspace workspace) : TaskActivity<string, Leaderboard>
{
    public override Task<Leaderboard> RunAsync(TaskActivityContext context, string input) => ExecuteAsync(input);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<Leaderboard> ExecuteAsync(string input)
    {
        var session = await workspace.SessionAsync(input, CancellationToken.None).ConfigureAwait(false);
        var results = await workspace.ResultsAsync(input, CancellationToken.None).ConfigureAwait(false);
        var history = results.Where(r => r.Split == "dev").OrderBy(r => r.Sequence).ThenBy(r => r.CandidateId, StringComparer.Ordinal).Select(r => r.ToObservation()).ToList();
        var leaderboard = LeaderboardBuilder.Build(input, session.Spec, session.Space.Count, results, session.Algorithm.Recommend(history)?.Key, finished: false)
            with { PromptPack = workspace.PromptPackId(session.Spec) };
        await workspace.Store.PutJsonAsync(BlobLayout.Leaderboard(input), leaderboard with { Entries = [.. leaderboard.Entries.Take(50)] }, CancellationToken.None).ConfigureAwait(false);
        await workspace.Store.PutJsonAsync(SearchBlobs.Pareto(input), new { cost = leaderboard.ParetoCost, latency = leaderboard.ParetoLatency }, CancellationToken.None).ConfigureAwait(false);
        return leaderboard with { Entries = [.. leaderboard.Entries.Take(10)] };
    }
}
