using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Offline.Loopback;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;
using System.ClientModel;

namespace Archon.Http.Tests;

/// <summary>
/// The whole path with real parts: OpenAI .NET client → `archon serve` (Kestrel, loopback) → embedded Durable host →
/// model-call activities → core provider stack (ChatClientModelInvoker, OpenAI-compatible client) → loopback model server.
/// </summary>
public sealed class EndToEndTests
{
    private static ModelEntry Entry(string id, Uri endpoint, int maxRetries = 1) => new()
    {
        Id = id, Provider = "openai-compatible", Endpoint = endpoint.ToString(), ApiKeyEnv = "E2E_KEY",
        InputPricePerMillion = 1m, OutputPricePerMillion = 2m, MaxRetries = maxRetries, TimeoutSeconds = 10,
    };

    private static async Task<(ArchonApiServer Server, ModelClientFactory Factory, string Root)> StartAsync(Uri modelEndpoint)
    {
        var catalog = new ModelCatalog([Entry("gen-a", modelEndpoint), Entry("gen-b", modelEndpoint), Entry("fuse", modelEndpoint)], "e2e-catalog.json");
        var factory = new ModelClientFactory(catalog, new ModelClientFactoryOptions
        {
            Resilience = new ArchonResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
            GetEnvironmentVariable = name => name == "E2E_KEY" ? "sk-e2e" : null,
        });
        var root = Path.Combine(Path.GetTempPath(), $"archon-e2e-{Guid.NewGuid():N}");
        var architecture = TestArchitectures.Arch("e2e", [TestArchitectures.C("generator", "gen-a", samples: 2), TestArchitectures.C("generator", "gen-b")], [TestArchitectures.C("fuser", "fuse")]);
        var server = await ArchonApiServer.StartAsync(new ArchonApiServerOptions(), services =>
        {
            services.AddSingleton<IModelInvoker>(new ChatClientModelInvoker(factory));
            services.AddSingleton<IResultStore>(new FileResultStore(root));
            services.AddSingleton<IArchitectureCatalog>(new InMemoryArchitectureCatalog([architecture]));
        });
        return (server, factory, root);
    }

    [Fact]
    public async Task OpenAiClient_ThroughServeAndDurableHost_CallsTheLoopbackModelOncePerCall()
    {
        await using var models = new LoopbackTestServer();
        var (server, factory, root) = await StartAsync(models.OpenAIBaseUri);
        await using var _ = server;
        await using var __ = factory;
        var client = new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = new Uri(server.BaseAddress, "api/v1") });

        ChatCompletion completion = await client.GetChatClient("e2e").CompleteChatAsync([new UserChatMessage("What is 2+2?")]);

        Assert.StartsWith("A combined answer", completion.Content[0].Text);
        Assert.Equal(4, models.Received.Count);
        Assert.Equal(["fuse", "gen-a", "gen-a", "gen-b"], models.Received.Select(r => r.Model).Order(StringComparer.Ordinal));
        var trace = await new FileResultStore(root).GetJsonAsync<SaveTraceRequest>(BlobLayout.Trace(completion.Id), default);
        Assert.NotNull(trace);
        Assert.Equal(trace.Trace.Sum(e => e.Result.InputTokens), completion.Usage.InputTokenCount);
        Assert.Equal(trace.Trace.Sum(e => e.Result.OutputTokens), completion.Usage.OutputTokenCount);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task PostInference_ModelKeepsFailing_StatusIsFailedWithTheProviderError()
    {
        await using var models = LoopbackModelServer.Start((_, _) =>
            Task.FromResult(LoopbackReply.Raw(503, """{"error":{"message":"upstream model overloaded","type":"server_error"}}""")));
        var (server, factory, root) = await StartAsync(models.OpenAIBaseUri);
        await using var _ = server;
        await using var __ = factory;
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var response = await http.PostAsync("api/inference?wait=60", new StringContent(
            """{"architecture":"e2e","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Failed", status.GetProperty("status").GetString());
        var error = status.GetProperty("error").GetString()!;
        Assert.Contains("all 3 model calls failed", error);
        Assert.Contains("503", error);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
