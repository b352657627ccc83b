using Archon.Core.Storage;
using Archon.Durable;
using Archon.Core.Caching;
using Archon.Core.Execution;
using Archon.Core.Providers;

namespace Archon.TestSupport;

/// <summary>Builds a catalog entry, factory and invoker pointed at a loopback server, with fast retry settings.</summary>
public static class ProviderHarness
{
    public static readonly ArchonResilienceOptions FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    /// <param name="clock">Clock of retries, Retry-After waits and attempt timeouts (a <see cref="TimerClock"/> in tests that wait).</param>
    public static (ChatClientModelInvoker Invoker, ModelClientFactory Factory) Create(ModelEntry entry, IResponseCacheStore? cache = null, TimeProvider? clock = null)
    {
        var catalog = new ModelCatalog([entry], "test-catalog.json");
        var factory = new ModelClientFactory(catalog, new ModelClientFactoryOptions
        {
            Resilience = FastRetries with { TimeProvider = clock ?? TimeProvider.System },
            Cache = cache,
            GetEnvironmentVariable = name => name == "TEST_KEY" ? "sk-test-123" : null,
        });
        return (new ChatClientModelInvoker(factory, clock), factory);
    }

    public static ModelCallRequest Request(string model = "m", int sample = 0, string text = "Say hi.", double temperature = 0.5) =>
        new($"L0.C0.generator.s{sample}", model, [new ChatTurn("system", "Be brief."), new ChatTurn("user", text)], temperature, 64, sample, "generator", 0, "item-1");

    public static ModelEntry OpenAIEntry(Uri endpoint, int maxRetries = 3, double timeoutSeconds = 10) => new()
    {
        Id = "m", Provider = "openai-compatible", Endpoint = endpoint.ToString(), ApiKeyEnv = "TEST_KEY", ProviderModel = "served-model",
        InputPricePerMillion = 1m, OutputPricePerMillion = 2m, MaxRetries = maxRetries, TimeoutSeconds = timeoutSeconds,
    };
}
