using Archon.Core.Search;
using Archon.Core.Storage;
namespace Archon.Bench.Search;

/// <summary>
/// SIMULATED model fleet of the tabular landscape: per-model skill (logit scale) and prices. The skills and prices
/// spread like the paper's open-model fleet (a few strong 70B+ models, a tail of weaker ones); they are not measurements.
/// </summary>
public static class LandscapeFleet
{
    public static IReadOnlyList<(string Id, double Skill, double InPrice, double OutPrice, double LatencyMs)> Models { get; } =
    [
        ("sim/strong-a", 1.10, 0.90, 0.90, 1400),
        ("sim/strong-b", 0.95, 0.90, 0.90, 1300),
        ("sim/strong-c", 0.80, 0.80, 0.80, 1250),
        ("sim/mid-a", 0.55, 0.60, 0.60, 1000),
        ("sim/mid-b", 0.45, 0.60, 0.60, 950),
        ("sim/mid-c", 0.30, 0.50, 0.50, 900),
        ("sim/small-a", 0.05, 0.20, 0.20, 600),
        ("sim/small-b", -0.10, 0.20, 0.20, 550),
        ("sim/small-c", -0.30, 0.10, 0.10, 450),
        ("sim/tiny", -0.60, 0.05, 0.05, 350),
    ];

    public static ModelRanking Ranking()
    {
        var profiles = Models.Select(m => new ModelProfile(m.Id, m.Skill, m.InPrice, m.OutPrice, 350, m.LatencyMs)).ToList();
        return new ModelRanking(profiles, profiles, 180);
    }
}
