using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Archon.Http.Tests;

/// <summary>The MCP tools of `archon serve`, through the MCP SDK's own client over loopback Streamable HTTP.</summary>
public sealed class McpToolsTests(StreamingApiFixture api) : IClassFixture<StreamingApiFixture>
{
    private async Task<McpClient> ConnectAsync() =>
        await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(api.Server.BaseAddress, "api/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }));

    [Fact]
    public async Task ListTools_OffersTheFourArchonTools()
    {
        await using var client = await ConnectAsync();

        var tools = await client.ListToolsAsync();

        Assert.Equal(["get_search", "list_architectures", "run_architecture", "start_search"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListArchitectures_ReturnsTheRegisteredNames()
    {
        await using var client = await ConnectAsync();

        var result = await client.CallToolAsync("list_architectures");

        Assert.NotEqual(true, result.IsError);
        var names = Json(result).EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal(["direct", "ranked", "three-layer"], names);
    }

    [Fact]
    public async Task RunArchitecture_ReturnsAnswerUsageAndTraceReference()
    {
        api.Gate = new TokenGate();
        api.Gate.Open();
        await using var client = await ConnectAsync();

        var result = await client.CallToolAsync("run_architecture", new Dictionary<string, object?> { ["architecture"] = "three-layer", ["prompt"] = "What is 2+2?" });

        Assert.NotEqual(true, result.IsError);
        var run = Json(result);
        Assert.Equal(StreamingApiFixture.FinalText, run.GetProperty("answer").GetString());
        Assert.Equal(4, run.GetProperty("usage").GetProperty("calls").GetInt32());
        Assert.StartsWith("archon-traces/", run.GetProperty("trace").GetString());
    }

    [Fact]
    public async Task RunArchitecture_UnknownName_IsAToolErrorNamingTheArgument()
    {
        await using var client = await ConnectAsync();

        var result = await client.CallToolAsync("run_architecture", new Dictionary<string, object?> { ["architecture"] = "nope", ["prompt"] = "hi" });

        Assert.True(result.IsError);
        Assert.Contains("architecture: no registered architecture is named 'nope'", Text(result));
    }

    [Fact]
    public async Task GetSearch_UnknownId_IsAToolErrorNamingTheArgument()
    {
        await using var client = await ConnectAsync();

        var result = await client.CallToolAsync("get_search", new Dictionary<string, object?> { ["searchId"] = "no-such-search" });

        Assert.True(result.IsError);
        Assert.Contains("searchId: no search has id", Text(result));
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    private static JsonElement Json(CallToolResult result)
    {
        var text = Text(result);
        return JsonDocument.Parse(text).RootElement;
    }
}
