using System.Net.Http.Json;
using System.Text.Json;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Offline.Simulation;
using Microsoft.Extensions.AI;

namespace Archon.Offline.Tests.Simulation;

public sealed class SimulatorServerTests
{
    [Fact]
    public async Task ChatCompletions_HeaderMetadata_SameTextAsInProcessClient()
    {
        var item = BuiltinBenchmark.Generate(9, 1, 0)[0];
        var knowledge = new SimulatorKnowledge();
        knowledge.Register([item]);
        await using var server = SimulatorServer.Start(SimFleet.Default, knowledge, seed: 4);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.OpenAIBaseUri, "chat/completions"))
        {
            Content = JsonContent.Create(new { model = "sim-mid-32b", temperature = 0.7, messages = new[] { new { role = "user", content = item.Turns[0] } } }),
        };
        request.Headers.Add("x-archon-role", "generator");
        request.Headers.Add("x-archon-item-id", item.Id);
        request.Headers.Add("x-archon-call-id", "L0.C0.generator.s3");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var text = doc.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();

        var local = new SimulatedChatClient(SimFleet.Default.Single(p => p.Id == "sim-mid-32b"), knowledge, seed: 4);
        var expected = local.Respond([new ChatMessage(ChatRole.User, item.Turns[0])], new ChatOptions
        {
            Temperature = 0.7f,
            AdditionalProperties = new AdditionalPropertiesDictionary { ["archon.role"] = "generator", ["archon.item_id"] = item.Id, ["archon.call_id"] = "L0.C0.generator.s3" },
        }, out _);
        Assert.Equal(expected, text);
        Assert.True(response.Headers.Contains("x-archon-simulated"));
    }

    [Fact]
    public async Task Evaluate_ThroughRealOpenAIClientPath_ScoresSimulatedAnswers()
    {
        var items = BuiltinBenchmark.Generate(10, 20, 0);
        var knowledge = new SimulatorKnowledge();
        knowledge.Register(items);
        await using var server = SimulatorServer.Start(SimFleet.Default, knowledge);
        var catalog = ModelCatalog.Parse(JsonSerializer.Serialize(new
        {
            models = new[] { new { id = "sim-large-70b", provider = "openai-compatible", endpoint = server.OpenAIBaseUri.ToString(), inputPricePerMillion = 0.9, outputPricePerMillion = 0.9 } },
        }), "test");
        await using var factory = new ModelClientFactory(catalog);
        var scheduler = new InProcessScheduler(new ChatClientModelInvoker(factory));
        var result = await new BenchmarkEvaluator().EvaluateAsync(SimExperiment.Load("single-large-70b"), items, scheduler, new Gsm8kScorer());

        Assert.Equal(20, server.RequestCount);
        Assert.All(result.Items, i => Assert.Contains("SIMULATED", i.Answer!, StringComparison.Ordinal));
        Assert.InRange(result.Summary.Mean, 0.2, 0.95);
        Assert.True(result.Summary.CostUsd > 0);
    }
}
