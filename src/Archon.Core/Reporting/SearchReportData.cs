using Archon.Core.Search;

namespace Archon.Core.Reporting;

/// <summary>Everything a search report shows; read from a search folder (store layout) or built by the search itself.</summary>
public sealed record SearchReportData(
    string SearchId,
    SearchSpec Spec,
    Leaderboard Leaderboard,
    IReadOnlyList<CandidateResult> Results,
    ModelRanking? Ranking,
    bool Simulated);
