using System.Text;
using System.Text.Json;
using Archon.Core.Execution;
using Archon.Durable.Architectures;
using Archon.Http;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Archon.Functions.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archon.Functions.Tests.Functions;

/// <summary>The HTTP [Function] wrappers called as the worker would, with a real DurableTaskClient from the embedded host.</summary>
public sealed class HttpFunctionsTests : IAsyncLifetime
{
    private DurableTestHost _host = null!;
    private HttpFunctions _functions = null!;

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
        _functions = new HttpFunctions(
            new InferenceHttpHandler(catalog, options),
            new OpenAiHttpHandler(catalog, options, TimeProvider.System),
            new SearchHttpHandler(_host.Store, options));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

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
}
