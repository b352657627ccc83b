using System.Collections.Concurrent;
using System.Diagnostics;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Durable.Telemetry;
using Archon.Hosting.Telemetry;

namespace Archon.Hosting.Tests.Telemetry;

/// <summary>The provider stack carries Microsoft.Extensions.AI's OpenTelemetry client: gen_ai spans per model call.</summary>
public sealed class ChatClientTelemetryTests
{
    [Fact]
    public async Task InvokeAsync_ThroughProviderStack_EmitsGenAiSpanWithModelAndTokens()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ArchonTelemetryExtensions.ExtensionsAiSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = new LoopbackTestServer();
        var catalog = new ModelCatalog([new ModelEntry { Id = "otel-model", Provider = "openai-compatible", Endpoint = server.OpenAIBaseUri.ToString(), ProviderModel = "served-otel" }], "otel");
        await using var factory = new ModelClientFactory(catalog);

        var result = await new ChatClientModelInvoker(factory).InvokeAsync(
            new ModelCallRequest("L0.C0.generator.s0", "otel-model", [new ChatTurn("user", "hi")], 0.2, 64, 0, "generator", 0), default);

        Assert.True(result.Succeeded, result.Error);
        var span = Assert.Single(spans, s => (string?)s.GetTagItem("gen_ai.request.model") == "served-otel");
        Assert.Equal(result.OutputTokens, Convert.ToInt32(span.GetTagItem("gen_ai.usage.output_tokens")));
    }
}
