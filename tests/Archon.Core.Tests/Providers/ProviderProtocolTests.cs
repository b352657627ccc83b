using Archon.Core.Providers;
using static Archon.TestSupport.ProviderHarness;

namespace Archon.Core.Tests.Providers;

public sealed class ProviderProtocolTests
{
    [Fact]
    public async Task InvokeAsync_OpenAICompatible_SendsChatCompletionWithBearerKey()
    {
        await using var server = new LoopbackTestServer(_ => "hello there");
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri));
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("hello there", result.Text);
        var sent = Assert.Single(server.Received);
        Assert.Equal(("openai", "/v1/chat/completions", "served-model"), (sent.Protocol, sent.Route, sent.Model));
        Assert.Equal("Bearer sk-test-123", sent.Headers["Authorization"]);
        Assert.Equal(0.5, sent.Temperature!.Value, 3);
        Assert.Equal(64, sent.MaxTokens);
        Assert.Equal(["system", "user"], sent.Messages.Select(m => m.Role));
        Assert.DoesNotContain("archon.", sent.Body);
        Assert.True(result.InputTokens > 0 && result.OutputTokens > 0);
        Assert.Equal((result.InputTokens * 1m + result.OutputTokens * 2m) / 1_000_000m, result.CostUsd);
    }

    [Fact]
    public async Task InvokeAsync_AzureOpenAI_UsesDeploymentRouteApiVersionAndApiKeyHeader()
    {
        await using var server = new LoopbackTestServer(_ => "from azure");
        var entry = new ModelEntry { Id = "m", Provider = "azure-openai", Endpoint = server.BaseUri.ToString(), Deployment = "gpt4o-prod", ApiKeyEnv = "TEST_KEY" };
        var (invoker, factory) = Create(entry);
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.Equal("from azure", result.Text);
        var sent = Assert.Single(server.Received);
        Assert.Equal("azure-openai", sent.Protocol);
        Assert.StartsWith("/openai/deployments/gpt4o-prod/chat/completions?api-version=", sent.Route);
        Assert.Equal("sk-test-123", sent.Headers["api-key"]);
    }

    [Fact]
    public async Task InvokeAsync_Anthropic_SendsMessagesWithSystemAndKey()
    {
        await using var server = new LoopbackTestServer(_ => "from claude");
        var entry = new ModelEntry { Id = "m", Provider = "anthropic", Endpoint = server.BaseUri.ToString().TrimEnd('/'), ApiKeyEnv = "TEST_KEY", ProviderModel = "claude-test" };
        var (invoker, factory) = Create(entry);
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("from claude", result.Text);
        var sent = Assert.Single(server.Received);
        Assert.Equal(("anthropic", "claude-test"), (sent.Protocol, sent.Model));
        Assert.EndsWith("/v1/messages", sent.Route);
        // The SDK decides how the key travels (x-api-key or a bearer token, by version); either way it is the catalog's key.
        var key = sent.Headers.TryGetValue("x-api-key", out var apiKey) ? apiKey : sent.Headers["Authorization"].Replace("Bearer ", "");
        Assert.Equal("sk-test-123", key);
        Assert.True(sent.Headers.ContainsKey("anthropic-version"));
        Assert.Equal(("system", "Be brief."), (sent.Messages[0].Role, sent.Messages[0].Content));
        Assert.Equal(64, sent.MaxTokens);
    }

    [Fact]
    public async Task InvokeAsync_Anthropic429WithRetryAfter_WaitsThenRetries()
    {
        await using var server = new LoopbackTestServer(_ => "ok");
        server.Enqueue(LoopbackFault.RateLimited(1));
        var clock = new TimerClock();
        var entry = new ModelEntry { Id = "m", Provider = "anthropic", Endpoint = server.BaseUri.ToString().TrimEnd('/'), ApiKeyEnv = "TEST_KEY" };
        var (invoker, factory) = Create(entry, clock: clock);
        await using var _ = factory;

        var call = invoker.InvokeAsync(Request(), CancellationToken.None);
        // The SDK's exception hides headers: a 1 s retry timer proves the HTTP-level capture reached Polly.
        clock.Advance(await clock.WhenTimer(d => d == TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(30)));
        var result = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Retries);
    }

    [Fact]
    public async Task InvokeAsync_UnknownModel_ErrorSaysAddToCatalog()
    {
        await using var server = new LoopbackTestServer();
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri));
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(model: "nope"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("nope", result.Error);
        Assert.Contains("not configured: add it to the catalog test-catalog.json", result.Error);
    }

    [Fact]
    public async Task InvokeAsync_KeyVariableUnset_ReportsVariableName()
    {
        await using var server = new LoopbackTestServer();
        var (invoker, factory) = Create(OpenAIEntry(server.OpenAIBaseUri) with { ApiKeyEnv = "MISSING_KEY_VAR" });
        await using var _ = factory;

        var result = await invoker.InvokeAsync(Request(), CancellationToken.None);

        Assert.Contains("MISSING_KEY_VAR", result.Error);
        Assert.Empty(server.Received);
        Assert.Contains(factory.Preflight(["m"]), p => p.Contains("MISSING_KEY_VAR"));
    }
}
