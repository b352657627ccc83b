using System.Net;
using System.Text;
using System.Text.Json;
using Archon.Offline;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Offline.Simulation;
using Archon.Durable.Architectures;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Http;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Http.Tests;

/// <summary>Results of architectures that use the simulator carry the SIMULATED label on every endpoint.</summary>
public sealed class SimulatedLabelTests
{
    [Fact]
    public async Task ChatCompletionsAndInference_SimArchitecture_AreLabelledSimulated()
    {
        var catalog = new ModelCatalog([new ModelEntry { Id = SimFleet.Default[0].Id, Provider = SimProvider.Name }], "sim-test");
        await using var factory = new ModelClientFactory(catalog);
        OfflineProviders.Register(factory, SimulatorKnowledge.Shared);
        var root = Path.Combine(Path.GetTempPath(), $"archon-sim-{Guid.NewGuid():N}");
        var architecture = TestArchitectures.Arch("sim-arch", [TestArchitectures.C("generator", SimFleet.Default[0].Id)]);
        await using var server = await ArchonApiServer.StartAsync(new ArchonApiServerOptions(), services =>
        {
            services.AddSingleton(catalog);
            services.AddSingleton<IModelInvoker>(new ChatClientModelInvoker(factory));
            services.AddSingleton<IResultStore>(new FileResultStore(root));
            services.AddSingleton<IArchitectureCatalog>(new InMemoryArchitectureCatalog([architecture]));
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var chat = await http.PostAsync("api/v1/chat/completions", new StringContent(
            """{"model":"sim-arch","messages":[{"role":"user","content":"What is 6 times 7?"}]}""", Encoding.UTF8, "application/json"));
        var inference = await http.PostAsync("api/inference?wait=30", new StringContent(
            """{"architecture":"sim-arch","messages":[{"role":"user","content":"What is 6 times 7?"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        var chatJson = JsonDocument.Parse(await chat.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ResultLabeler.Simulated, chatJson.GetProperty("archon_label").GetString());
        Assert.Equal("archon-SIMULATED", chatJson.GetProperty("system_fingerprint").GetString());
        var inferenceJson = JsonDocument.Parse(await inference.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Completed", inferenceJson.GetProperty("status").GetString());
        Assert.Equal(ResultLabeler.Simulated, inferenceJson.GetProperty("label").GetString());
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void LabelFor_NoCatalogOrRealModels_IsNull()
    {
        var real = new ModelCatalog([new ModelEntry { Id = "gpt-x", Provider = "openai" }], "real");

        Assert.Null(new ResultLabeler(null).LabelFor(TestArchitectures.SingleGenerator()));
        Assert.Null(new ResultLabeler(real).LabelFor(TestArchitectures.Arch("r", [TestArchitectures.C("generator", "gpt-x")])));
    }
}
