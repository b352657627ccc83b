using System.Text;
using System.Text.Json;
using Archon.Core.Execution;
using Archon.Durable.Architectures;
using Archon.Http;
using Archon.Http.Mcp;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Archon.Functions.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Archon.Functions.Tests.Functions;

/// <summary>The HTTP [Function] wrappers called as the worker would, with a real DurableTaskClient from the embedded host.</summary>
public sealed class HttpFunctionsTests : IAsyncLifetime
{
    private DurableTestHost _host = null!;
    private HttpFunctions _functions = null!;
    private ServiceProvider _mcpServices = null!;

    public async Task InitializeAsync()
    {
        var single = new Archon.Core.Architecture.ArchitectureConfig
        {
            Name = "single",
            Layers = [new Archon.Core.Architecture.LayerConfig([new Archon.Core.Architecture.ComponentConfig { Type = "generator", Model = "solo" }])],
        };
        // A stand-in search (same orchestration name) that runs until told to finish, so "already running" is real.
        _host = await DurableTestHost.StartAsync(
            new FakeModel(),
            new Dictionary<string, Action<Microsoft.DurableTask.DurableTaskRegistry>>
            {
                [Archon.Durable.Contracts.SearchNames.Orchestration] = registry => registry.AddOrchestratorFunc<Archon.Durable.Contracts.SearchRequest, string>(
                    Archon.Durable.Contracts.SearchNames.Orchestration, async (context, input) => await context.WaitForExternalEvent<string>("finish")),
            },
            single);
        var catalog = _host.Host.Services.GetRequiredService<IArchitectureCatalog>();
        var options = Options.Create(new ArchonApiOptions());
        // The Functions host registers the application lifetime (the MCP handler ends its streams on shutdown); this
        // bare service collection stands in for it.
        _mcpServices = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>()
            .AddSingleton(catalog)
            .AddSingleton(_host.Host.Client)
            .AddSingleton<IResultStore>(_host.Store)
            .AddSingleton<IOptions<ArchonApiOptions>>(options)
            .AddArchonMcp()
            .BuildServiceProvider();
        _functions = new HttpFunctions(
            new InferenceHttpHandler(catalog, options),
            new OpenAiHttpHandler(catalog, options, TimeProvider.System, relay: _host.Host.Services.GetRequiredService<Archon.Core.Streaming.IStreamRelay>()),
            new SearchHttpHandler(_host.Store, options),
            _mcpServices.GetRequiredService<Archon.Http.Mcp.McpRequestHandler>());
    }

    public async Task DisposeAsync()
    {
        await _mcpServices.DisposeAsync();
        await _host.DisposeAsync();
    }

    private static HttpContext Context(string body, string query = "")
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("archon.example");
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<(int Status, JsonElement Body)> ExecuteAsync(HttpContext context, IActionResult result)
    {
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, JsonDocument.Parse(context.Response.Body).RootElement.Clone());
    }

    [Fact]
    public async Task Mcp_ToolsListOverStatelessStreamableHttp_ListsTheArchonTools()
    {
        var context = Context("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""");
        context.RequestServices = _mcpServices;
        context.Request.Headers.Accept = "application/json, text/event-stream";

        await _functions.Mcp(context.Request).ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();

        Assert.Equal(200, context.Response.StatusCode);
        foreach (var tool in new[] { "list_architectures", "run_architecture", "start_search", "get_search" })
        {
            Assert.Contains($"\"name\":\"{tool}\"", body);
        }
    }

    [Fact]
    public async Task StartInference_ValidBody_Returns202WithStatusUrlKeepingTheFunctionKey()
    {
        var context = Context("""{"architecture":"single","messages":[{"role":"user","content":"hi"}]}""", "?code=abc");

        var (status, body) = await ExecuteAsync(context, await _functions.StartInference(context.Request, _host.Host.Client));

        Assert.Equal(202, status);
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"https://archon.example/api/inference/{id}?code=abc", body.GetProperty("statusQueryGetUri").GetString());
        Assert.NotNull(await _host.Host.Client.GetInstanceAsync(id));
    }

    [Fact]
    public async Task ChatCompletions_UnknownModel_Returns404InOpenAiErrorShape()
    {
        var context = Context("""{"model":"nope","messages":[{"role":"user","content":"hi"}]}""");

        var (status, body) = await ExecuteAsync(context, await _functions.ChatCompletions(context.Request, _host.Host.Client));

        Assert.Equal(404, status);
        Assert.Equal("model", body.GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task ChatCompletions_Stream_TriggerAnswersWithOpenAiServerSentEventsAndTheSameText()
    {
        var plain = Context("""{"model":"single","messages":[{"role":"user","content":"hi"}]}""");
        var (_, completion) = await ExecuteAsync(plain, await _functions.ChatCompletions(plain.Request, _host.Host.Client));
        var streamed = Context("""{"model":"single","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}""");

        await (await _functions.ChatCompletions(streamed.Request, _host.Host.Client))
            .ExecuteResultAsync(new ActionContext(streamed, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        streamed.Response.Body.Position = 0;
        var events = (await new StreamReader(streamed.Response.Body).ReadToEndAsync())
            .Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l[6..]).ToList();
        var chunks = events.Where(e => e != "[DONE]").Select(e => JsonDocument.Parse(e).RootElement).ToList();
        var text = string.Concat(chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
            .Select(d => d.TryGetProperty("content", out var content) ? content.GetString() : null));

        Assert.Equal("text/event-stream; charset=utf-8", streamed.Response.ContentType);
        Assert.Equal("[DONE]", events[^1]);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Equal(completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), text);
        Assert.Equal(
            completion.GetProperty("usage").GetProperty("total_tokens").GetInt32(),
            chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task StartSearch_SameIdTwiceWhileFirstIsRunning_SecondIs409()
    {
        var body = TestSpecs.Valid().Trim().TrimStart('{');
        var first = Context("{\"searchId\":\"s-1\"," + body);
        var second = Context("{\"searchId\":\"s-1\"," + body);

        var (firstStatus, firstBody) = await ExecuteAsync(first, await _functions.StartSearch(first.Request, _host.Host.Client));
        var (secondStatus, error) = await ExecuteAsync(second, await _functions.StartSearch(second.Request, _host.Host.Client));

        Assert.True(firstStatus == 202, firstBody.ToString());
        Assert.Equal(409, secondStatus);
        Assert.Contains("already running", error.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task StartSearch_InvalidSpec_Returns400FromTheSpecReaderAndStartsNothing()
    {
        var context = Context("""{"searchId":"bad-spec","algorithm":"astrology"}""");

        var (status, body) = await ExecuteAsync(context, await _functions.StartSearch(context.Request, _host.Host.Client));

        Assert.Equal(400, status);
        Assert.StartsWith("spec:", body.GetProperty("error").GetProperty("message").GetString());
        Assert.Null(await _host.Host.Client.GetInstanceAsync("bad-spec"));
    }

    [Fact]
    public async Task StartSearch_Valid_PassesTheSpecWithoutSearchIdToTheOrchestration()
    {
        var context = Context("{\"searchId\":\"s-spec\"," + TestSpecs.Valid().Trim().TrimStart('{'));

        var (status, _) = await ExecuteAsync(context, await _functions.StartSearch(context.Request, _host.Host.Client));

        Assert.Equal(202, status);
        var input = (await _host.Host.Client.GetInstanceAsync("s-spec", getInputsAndOutputs: true))!.ReadInputAs<Archon.Durable.Contracts.SearchRequest>()!;
        Assert.DoesNotContain("searchId", input.SpecJson);
        Assert.Contains("\"algorithm\":\"random\"", input.SpecJson);
    }

    /// <summary>
    /// The Mcp trigger as the Functions host runs it (ASP.NET Core integration: the trigger gets the request and returns
    /// an IActionResult), served on loopback Kestrel at the trigger's route, driven by the MCP SDK's own client over
    /// stateless Streamable HTTP. The Functions host itself cannot run here (platform facts), hence this stand-in.
    /// </summary>
    [Fact]
    public async Task Mcp_SdkClientThroughTheTrigger_ListsToolsAndRunsAnArchitecture()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapMethods("/api/mcp", ["POST", "GET", "DELETE"], async context =>
        {
            await using var scope = _mcpServices.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            await _functions.Mcp(context.Request).ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        await using var client = await ModelContextProtocol.Client.McpClient.CreateAsync(new ModelContextProtocol.Client.HttpClientTransport(
            new ModelContextProtocol.Client.HttpClientTransportOptions
            {
                Endpoint = new Uri(address.TrimEnd('/') + "/api/mcp"),
                TransportMode = ModelContextProtocol.Client.HttpTransportMode.StreamableHttp,
            }));

        var tools = await client.ListToolsAsync();
        var run = await client.CallToolAsync("run_architecture", new Dictionary<string, object?> { ["architecture"] = "single", ["prompt"] = "hi" });

        Assert.Equal(["get_search", "list_architectures", "run_architecture", "start_search"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.NotEqual(true, run.IsError);
        var text = string.Concat(run.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(c => c.Text));
        using var result = JsonDocument.Parse(text);
        Assert.False(string.IsNullOrEmpty(result.RootElement.GetProperty("answer").GetString()));
        Assert.Equal(1, result.RootElement.GetProperty("usage").GetProperty("calls").GetInt32());
    }
}
