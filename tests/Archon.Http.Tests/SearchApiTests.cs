using System.Net;
using System.Text;
using System.Text.Json;
using Archon.Core.Storage;
using Archon.Hosting.Storage;

namespace Archon.Http.Tests;

public sealed class SearchApiTests(ApiServerFixture api) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task GetSearch_LeaderboardInStoreWithoutInstance_ReturnsLeaderboardAfterRestart()
    {
        // A search that ran before a restart: the orchestration state is gone, its leaderboard blob is not.
        await api.Store.PutJsonAsync(BlobLayout.Leaderboard("old-search"), new { recommended = "00012", candidates = 7 }, default);

        var response = await api.Http.GetAsync("api/search/old-search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unknown", json.GetProperty("status").GetString());
        Assert.Equal("00012", json.GetProperty("leaderboard").GetProperty("recommended").GetString());
        Assert.Equal("archon-search/old-search/leaderboard.json", json.GetProperty("leaderboardBlob").GetString());
    }

    [Fact]
    public async Task GetSearch_SimulatedEnvironment_LabelsTheStatusSimulated()
    {
        var spec = BlobLayout.SearchSpec("sim-search");
        await api.Store.PutBytesAsync(spec.Container, spec.Name, Encoding.UTF8.GetBytes(TestSpecs.Valid()), "application/json", default);
        await api.Store.PutJsonAsync(BlobLayout.Leaderboard("sim-search"), new { recommended = "00001", candidates = 1 }, default);

        var json = JsonDocument.Parse(await api.Http.GetStringAsync("api/search/sim-search")).RootElement;

        Assert.True(json.GetProperty("simulated").GetBoolean());
        Assert.Equal("SIMULATED", json.GetProperty("label").GetString());
        Assert.All(json.EnumerateObject(), p => Assert.True(char.IsLower(p.Name[0]), p.Name));
    }

    [Fact]
    public async Task GetSearch_NoStoredSpec_SimulatedIsUnknown()
    {
        await api.Store.PutJsonAsync(BlobLayout.Leaderboard("no-spec"), new { recommended = "00002", candidates = 1 }, default);

        var json = JsonDocument.Parse(await api.Http.GetStringAsync("api/search/no-spec")).RootElement;

        Assert.Equal(JsonValueKind.Null, json.GetProperty("simulated").ValueKind);
    }

    [Theory]
    [InlineData("api/search/never-ran", HttpStatusCode.NotFound)]
    [InlineData("api/search/bad%20id!", HttpStatusCode.BadRequest)]
    public async Task GetSearch_UnknownOrInvalidId_Returns4xx(string path, HttpStatusCode expected)
    {
        var response = await api.Http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PostSearch_InvalidSearchId_Returns400NamingSearchId()
    {
        var response = await api.Http.PostAsync("api/search", new StringContent("""{"searchId":"../escape"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("searchId:", await response.Content.ReadAsStringAsync());
    }
}
