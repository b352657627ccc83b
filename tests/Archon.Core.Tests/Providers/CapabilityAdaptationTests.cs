using System.Text.Json.Nodes;
using Archon.Core.Execution;
using Archon.Core.Providers;
using static Archon.TestSupport.ProviderHarness;

namespace Archon.Core.Tests.Providers;

/// <summary>Requests adapted to model capabilities, checked in the body the real SDKs send to a loopback endpoint.</summary>
public sealed class CapabilityAdaptationTests
{
    private static ModelCallRequest Ask(double temperature, int maxTokens) =>
        new("L0.C0.generator.s0", "m", [new ChatTurn("system", "Be brief."), new ChatTurn("user", "Say hi.")], temperature, maxTokens, 0, "generator", 0);

    private static JsonObject Body(LoopbackTestServer server) => JsonNode.Parse(Assert.Single(server.Received).Body)!.AsObject();

    [Fact]
    public async Task O1MiniFamily_TemperatureDropped_SystemFolded_MaxCompletionTokens_EachRecordedOnce()
    {
        await using var server = new LoopbackTestServer(_ => "hi");
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri) with { ProviderModel = "o1-mini-2024-09-12" });
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Ask(0.7, 200_000), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var body = Body(server);
        Assert.False(body.ContainsKey("temperature"));
        Assert.Equal(65_536, (int)body["max_completion_tokens"]!);
        Assert.False(body.ContainsKey("max_tokens"));
        var messages = body["messages"]!.AsArray();
        Assert.Equal("user", (string)Assert.Single(messages)!["role"]!);
        var content = messages[0]!["content"]!;
        var text = content is JsonValue ? (string)content! : string.Concat(content.AsArray().Select(p => (string?)p!["text"]));
        Assert.Equal("Be brief.\n\nSay hi.", text);
        Assert.Equal(3, result.Adaptations.Count);
        Assert.Contains(result.Adaptations, a => a.StartsWith("temperature 0.7 dropped", StringComparison.Ordinal));
        Assert.Contains(result.Adaptations, a => a.StartsWith("max_tokens 200000 clamped to 65536", StringComparison.Ordinal));
        Assert.Contains(result.Adaptations, a => a.StartsWith("system message folded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClaudeFamily_MaxTokensClampedTo8192_TemperatureDroppedAndRecorded_SystemKept()
    {
        await using var server = new LoopbackTestServer(_ => "hi");
        var entry = new ModelEntry { Id = "m", Provider = "anthropic", Endpoint = server.BaseUri.ToString().TrimEnd('/'), ApiKeyEnv = "TEST_KEY", ProviderModel = "claude-3-5-sonnet-20240620" };
        var (invoker, factory) = Create(entry);
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Ask(1.5, 200_000), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var body = Body(server);
        Assert.Equal(8_192, (int)body["max_tokens"]!);
        Assert.False(body.ContainsKey("temperature")); // the Anthropic SDK in use cannot send one: dropped where the trace sees it
        Assert.True(body.ContainsKey("system"));
        Assert.Equal(["max_tokens 200000 clamped to 8192: the model's output-token limit", "temperature 1.5 dropped: the model does not accept a temperature"],
            result.Adaptations.Order());
    }

    [Fact]
    public async Task CatalogCapabilities_RenameToMaxTokensAndClamp_OverrideUnknownFamily()
    {
        await using var server = new LoopbackTestServer(_ => "hi");
        var caps = new ModelCapabilities { MaxTokensParameter = "max_tokens", MaxOutputTokens = 100, Stop = false };
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri) with { Capabilities = caps });
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Ask(0.2, 4096), CancellationToken.None);

        var body = Body(server);
        Assert.Equal(100, (int)body["max_tokens"]!);
        Assert.False(body.ContainsKey("max_completion_tokens"));
        Assert.Equal(0.2, (double)body["temperature"]!, 3);
        Assert.Equal(2, result.Adaptations.Count);
    }

    [Fact]
    public async Task UnknownModel_RequestUnchanged_NoAdaptations()
    {
        await using var server = new LoopbackTestServer(_ => "hi");
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri));
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Ask(0.7, 200_000), CancellationToken.None);

        var body = Body(server);
        Assert.Equal(200_000, (int)body["max_completion_tokens"]!);
        Assert.Equal(0.7, (double)body["temperature"]!, 3);
        Assert.Empty(result.Adaptations);
    }

    [Fact]
    public async Task RetriedCall_AdaptationsRecordedOncePerCall()
    {
        await using var server = new LoopbackTestServer(_ => "hi");
        server.Enqueue(LoopbackFault.ServerError());
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri) with { ProviderModel = "o1-preview" });
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Ask(0.7, 100), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Retries);
        Assert.Equal(2, server.Received.Count);
        Assert.All(server.Received, e => Assert.DoesNotContain("\"temperature\"", e.Body, StringComparison.Ordinal));
        Assert.Equal(2, result.Adaptations.Count);
    }

    [Fact]
    public void Catalog_CapabilitiesField_ReadAndMergedOverFamilyDefaults()
    {
        var catalog = ModelCatalog.Parse("""
            { "models": [ { "id": "o1", "provider": "openai", "capabilities": { "maxOutputTokens": 5000, "systemRole": false } } ] }
            """, "c.json");

        var caps = catalog.Resolve("o1").EffectiveCapabilities;

        Assert.Equal((false, 5000, false, "max_completion_tokens"), (caps.Temperature, caps.MaxOutputTokens, caps.SystemRole, caps.MaxTokensParameter));
    }
}
