using Archon.Core.Storage;

namespace Archon.Durable.Search;

/// <summary>
/// Search blobs beyond <see cref="BlobLayout"/> (spec, candidates, leaderboard live there). All under
/// <c>archon-search/{searchId}/</c>: <c>ranking.json</c> (preprocessing), <c>runs/…</c> (per-item runs), <c>pareto.json</c>, <c>best-architecture.json</c>
/// (a config <c>archon run</c> accepts), <c>round.json</c> (the round in progress), <c>report/…</c> (report.html, plots as PNG and SVG). Layer-prefix states
/// live in <c>archon-cache/search/…</c>, shared by all searches; model responses in the provider stack's <c>archon-cache/</c>.
/// </summary>
public static class SearchBlobs
{
    public static BlobRef Ranking(string searchId) => new(BlobLayout.SearchContainer, $"{BlobLayout.Safe(searchId)}/ranking.json");

    /// <summary>The round in progress: written before its candidates start, so a restart finishes that same round.</summary>
    public static BlobRef Round(string searchId) => new(BlobLayout.SearchContainer, $"{BlobLayout.Safe(searchId)}/round.json");

    public static BlobRef Pareto(string searchId) => new(BlobLayout.SearchContainer, $"{BlobLayout.Safe(searchId)}/pareto.json");

    public static BlobRef BestArchitecture(string searchId) => new(BlobLayout.SearchContainer, $"{BlobLayout.Safe(searchId)}/best-architecture.json");

    public static BlobRef ReportFile(string searchId, string file) => new(BlobLayout.SearchContainer, $"{BlobLayout.Safe(searchId)}/report/{file}");

    /// <summary>One candidate point's run on one item (answer and usage), written by the per-item activity; points
    /// evaluated at several fidelities share their first items' runs.</summary>
    public static BlobRef ItemRun(string searchId, string pointKey, string split, int itemIndex) =>
        new(BlobLayout.SearchContainer, $"{BlobLayout.Safe(searchId)}/runs/{BlobLayout.Safe(pointKey)}/{split}-{itemIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)}.json");

    public static BlobRef Cache(string key) => new(BlobLayout.CacheContainer, "search/" + string.Join('/', key.Split('/').Select(BlobLayout.Safe)) + ".json");

    /// <summary>Candidate ids: the point's index in the space, plus the item count for partial (multi-fidelity) runs and
    /// a "t" prefix for held-out runs. Deterministic, so a restarted search finds the same blobs and instance ids.</summary>
    public static string CandidateId(int spaceIndex, string split, double fidelity, int items) =>
        (split == "test" ? "t" : "") + spaceIndex.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)
        + (fidelity < 1 ? $"-n{items}" : "");

    public static string InstanceId(string searchId, string candidateId) => $"{searchId}-c{candidateId}";
}
