using System.Text.Json;
using Archon.Core.Providers;
using Archon.Offline.Simulation;

namespace Archon.Offline.Tests.Simulation;

public sealed class SimFleetTests
{
    [Fact]
    public void ShippedCatalog_MatchesDefaultProfilesAndUsesSimProvider()
    {
        var catalog = ModelCatalog.Load(Path.Combine(TestPaths.RepoRoot, "catalog", "sim-fleet.json"));
        Assert.Equal(8, SimFleet.Default.Count);
        foreach (var p in SimFleet.Default)
        {
            Assert.True(catalog.TryResolve(p.Id, out var entry), p.Id);
            Assert.Equal("sim", entry.Provider);
            Assert.Equal(p.InputPricePerMillion, entry.InputPricePerMillion);
            Assert.Equal(p.OutputPricePerMillion, entry.OutputPricePerMillion);
        }

        Assert.Contains("SIMULATED", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "catalog", "sim-fleet.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_OrderedWeakCheapToStrongExpensive()
    {
        var fleet = SimFleet.Default;
        Assert.True(fleet[0].SkillFor("math") < fleet[^1].SkillFor("math"));
        Assert.True(fleet[0].OutputPricePerMillion < fleet[^1].OutputPricePerMillion);
        Assert.Equal(fleet[3].SkillFor("code"), fleet[3].SkillFor("builtin-code"));
    }

    [Fact]
    public void Load_RoundTripsProfilesJson()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sim-profiles-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, JsonSerializer.Serialize(SimFleet.Default, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            var loaded = SimFleet.Load(path);
            Assert.Equal(SimFleet.Default.Select(p => (p.Id, p.RankSkill, p.SkillFor("math"))), loaded.Select(p => (p.Id, p.RankSkill, p.SkillFor("math"))));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
