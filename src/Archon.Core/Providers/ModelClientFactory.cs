using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Anthropic;
using Archon.Core.Caching;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Archon.Core.Providers;

/// <summary>
/// Builds one <see cref="IChatClient"/> per catalog model: the provider's SDK client, then (outermost first) the
/// response cache when enabled, resilience, the provider-wide and the per-model concurrency caps. SDK-level retries are
/// switched off so Polly is the only retry layer. Providers beyond the built-in ones register with
/// <see cref="RegisterProvider"/> (Archon.Offline registers the SIMULATED "sim" and the in-process "loopback").
/// </summary>
public sealed class ModelClientFactory : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<ModelEntry, IChatClient>> providers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<IChatClient>> clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> providerGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentBag<IAsyncDisposable> owned = [];
    private readonly ModelClientFactoryOptions options;

    public ModelClientFactory(ModelCatalog catalog, ModelClientFactoryOptions? options = null)
    {
        Catalog = catalog;
        this.options = options ?? new ModelClientFactoryOptions();
        providers["openai"] = e => OpenAIChat(e, requireEndpoint: false);
        providers["openai-compatible"] = e => OpenAIChat(e, requireEndpoint: true);
        providers["azure-openai"] = AzureChat;
        providers["anthropic"] = AnthropicChat;
        providers[RewardModels.Provider] = RewardChat;
    }

    public ModelCatalog Catalog { get; }

    /// <summary>Adds (or replaces) how entries of <paramref name="provider"/> become raw chat clients.</summary>
    public void RegisterProvider(string provider, Func<ModelEntry, IChatClient> create) => providers[provider] = create;

    /// <summary>A resource a registered provider needs (e.g. a local server), disposed with this factory.</summary>
    public void Own(IAsyncDisposable resource) => owned.Add(resource);

    /// <summary>An OpenAI-compatible chat client for <paramref name="entry"/> at <paramref name="endpoint"/> with no key, for local servers.</summary>
    public IChatClient OpenAICompatible(ModelEntry entry, Uri endpoint) =>
        OpenAIChat(entry with { Endpoint = endpoint.ToString(), ApiKeyEnv = null }, requireEndpoint: true);

    public bool IsProviderRegistered(string provider) => providers.ContainsKey(provider);

    public ModelEntry GetEntry(string modelId) => Catalog.Resolve(modelId);

    /// <summary>The full provider stack for <paramref name="modelId"/>, built once and reused.</summary>
    public IChatClient GetClient(string modelId)
    {
        // Keyed by the resolved entry, so an alias and its model share one stack (and one concurrency cap).
        var entry = Catalog.Resolve(modelId);
        return clients.GetOrAdd(entry.Id, _ => new Lazy<IChatClient>(() => Build(entry))).Value;
    }

    /// <summary>Problems that would make calls fail before any is made: unknown models, providers, unset key variables.</summary>
    public IReadOnlyList<string> Preflight(IEnumerable<string> modelIds)
    {
        var problems = new List<string>();
        foreach (var id in modelIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!Catalog.TryResolve(id, out var entry))
            {
                problems.Add($"model {id} is not configured: add it to the catalog {Catalog.Source}");
            }
            else if (!providers.ContainsKey(entry.Provider))
            {
                problems.Add($"model {id}: provider \"{entry.Provider}\" is not registered (catalog {Catalog.Source})");
            }
            else if (entry.ApiKeyEnv is { Length: > 0 } env && string.IsNullOrEmpty(options.GetEnvironmentVariable(env)))
            {
                problems.Add($"model {id}: environment variable {env} (its API key) is not set");
            }
        }

        return problems;
    }

    private IChatClient Build(ModelEntry entry)
    {
        if (!providers.TryGetValue(entry.Provider, out var create))
        {
            throw new ModelNotConfiguredException($"model {entry.Id}: provider \"{entry.Provider}\" is not registered (catalog {Catalog.Source})");
        }

        var builder = new ChatClientBuilder(create(entry));
        // Outermost: one gen_ai span per logical call (model, tokens), cache hits and retries included; free without a listener.
        builder.UseOpenTelemetry();
        // Outside the cache and the retries: the cached request is the adapted one, and a retried call is adapted once.
        var capabilities = entry.EffectiveCapabilities;
        if (entry.Provider == "anthropic")
        {
            // The Anthropic SDK in use (13.x) has no temperature field on its requests: the value could never reach the
            // model, so it is dropped here where the trace records it, instead of silently inside the SDK.
            capabilities = capabilities with { Temperature = false };
        }

        builder.UseCapabilities(capabilities, entry.Provider is "openai" or "openai-compatible" or "azure-openai" or "loopback");
        if (options.Cache is { } cache)
        {
            // The provider's model name is part of the key: not every client reports ChatClientMetadata (the SIMULATED one does not).
            builder.UseArchonResponseCache(cache, $"{entry.Provider}|{entry.Endpoint}|{entry.Deployment}|{entry.ModelName}", options.Resilience.TimeProvider);
        }

        builder.UseArchonResilience(options.Resilience with { MaxRetries = entry.MaxRetries, AttemptTimeout = TimeSpan.FromSeconds(entry.TimeoutSeconds) });
        if (entry.ProviderMaxConcurrency is { } providerCap)
        {
            builder.UseConcurrencyLimit(providerGates.GetOrAdd($"{entry.Provider}|{entry.Endpoint}", _ => new SemaphoreSlim(providerCap, providerCap)));
        }

        builder.UseConcurrencyLimit(Math.Max(1, entry.MaxConcurrency));
        return builder.Build();
    }

    /// <summary>The SDK's own timeout sits above the per-attempt timeout so that Polly's timeout decides.</summary>
    private static TimeSpan SdkTimeout(ModelEntry entry) => TimeSpan.FromSeconds(entry.TimeoutSeconds + 5);

    /// <summary>The Anthropic SDK hides response headers in its exceptions; this HttpClient reports Retry-After to the resilience layer.</summary>
    private HttpClient CapturingHttpClient(TimeSpan timeout) =>
        new(new RetryAfterCapture.Handler(new SocketsHttpHandler(), options.Resilience.TimeProvider)) { Timeout = timeout };

    private string? Key(ModelEntry entry)
    {
        if (entry.ApiKeyEnv is not { Length: > 0 } env)
        {
            return null;
        }

        return options.GetEnvironmentVariable(env) is { Length: > 0 } key
            ? key
            : throw new ModelNotConfiguredException($"model {entry.Id}: environment variable {env} (its API key) is not set");
    }

    private IChatClient OpenAIChat(ModelEntry entry, bool requireEndpoint)
    {
        if (requireEndpoint && string.IsNullOrEmpty(entry.Endpoint))
        {
            throw new ModelNotConfiguredException($"model {entry.Id}: provider {entry.Provider} needs an \"endpoint\" in the catalog {Catalog.Source}");
        }

        var clientOptions = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = SdkTimeout(entry) };
        if (entry.Endpoint is { Length: > 0 } endpoint)
        {
            clientOptions.Endpoint = new Uri(endpoint);
        }

        // Local OpenAI-compatible servers (vLLM, Ollama, TGI) accept any key; the SDK insists on one.
        var key = Key(entry) ?? "no-key-needed";
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(entry.ModelName).AsIChatClient();
    }

    private IChatClient AzureChat(ModelEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Endpoint))
        {
            throw new ModelNotConfiguredException($"model {entry.Id}: azure-openai needs an \"endpoint\" in the catalog {Catalog.Source}");
        }

        var clientOptions = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = SdkTimeout(entry) };
        var endpoint = new Uri(entry.Endpoint);
        var client = Key(entry) is { } key
            ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(key), clientOptions)
            : new AzureOpenAIClient(endpoint, options.AzureCredential ?? new DefaultAzureCredential(), clientOptions);
        return client.GetChatClient(entry.Deployment ?? entry.ModelName).AsIChatClient();
    }

    private IChatClient AnthropicChat(ModelEntry entry)
    {
        var timeout = SdkTimeout(entry);
        var client = entry.Endpoint is { Length: > 0 } endpoint
            ? new AnthropicClient { ApiKey = Key(entry), MaxRetries = 0, Timeout = timeout, BaseUrl = endpoint, HttpClient = CapturingHttpClient(timeout) }
            : new AnthropicClient { ApiKey = Key(entry), MaxRetries = 0, Timeout = timeout, HttpClient = CapturingHttpClient(timeout) };
        return client.AsIChatClient(entry.ModelName);
    }

    private RewardModelChatClient RewardChat(ModelEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Endpoint))
        {
            throw new ModelNotConfiguredException($"model {entry.Id}: provider {RewardModels.Provider} needs an \"endpoint\" in the catalog {Catalog.Source}");
        }

        var http = new HttpClient(new SocketsHttpHandler()) { Timeout = SdkTimeout(entry) };
        if (Key(entry) is { } key)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return new RewardModelChatClient(http, entry);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        foreach (var resource in owned)
        {
            await resource.DisposeAsync();
        }
    }
}
