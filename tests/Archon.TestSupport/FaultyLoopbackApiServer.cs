using System.Security.Cryptography;
using System.Text;
using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Core.Storage;
using Archon.Durable.Architectures;
using Archon.Http;
using Archon.LocalHost;
using Archon.Offline;
using Archon.Offline.Loopback;
using Archon.Offline.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.TestSupport;

/// <summary>
/// `archon serve`'s server (embedded Durable host + Kestrel, real handlers) whose models are the loopback endpoint
/// with a <see cref="LoopbackFaultInjector"/> in front, reached through the real provider stack (OpenAI SDK over HTTP,
/// resilience, caps). Replies are canned per role plus a digest of the whole prompt, so an answer depends on every
/// call before it: a lost or altered call changes the final answer. Resilience waits are short (Retry-After of
/// milliseconds, millisecond backoff), so a fault run takes seconds.
/// </summary>
public sealed class FaultyLoopbackApiServer : IAsyncDisposable
{
    private readonly string _root;
    private readonly ModelClientFactory _factory;

    private FaultyLoopbackApiServer(string root, ModelClientFactory factory, LoopbackFaultInjector faults, LoopbackModelServer models, ArchonApiServer server)
    {
        _root = root;
        _factory = factory;
        Faults = faults;
        Models = models;
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
    }

    public LoopbackFaultInjector Faults { get; }

    public LoopbackModelServer Models { get; }

    public ArchonApiServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<FaultyLoopbackApiServer> StartAsync(LoopbackFaultOptions faults, ArchitectureConfig architecture, double timeoutSeconds = 1, int maxRetries = 5)
    {
        var root = Path.Combine(Path.GetTempPath(), $"archon-faults-{Guid.NewGuid():N}");
        var injector = new LoopbackFaultInjector(faults);
        var models = LoopbackModelServer.Start(injector.Wrap((exchange, _) => Task.FromResult(LoopbackReply.Ok(Reply(exchange)))));
        var entry = new ModelEntry { Id = ModelCatalog.Wildcard, Provider = "loopback", MaxRetries = maxRetries, TimeoutSeconds = timeoutSeconds, MaxConcurrency = 64 };
        var catalog = new ModelCatalog([entry], "faulty-loopback (test)");
        var factory = new ModelClientFactory(catalog, new ModelClientFactoryOptions
        {
            Resilience = ProviderHarness.FastRetries with { MaxRetryAfter = TimeSpan.FromMilliseconds(100) },
        });
        OfflineProviders.Register(factory, new SimulatorKnowledge());
        factory.RegisterProvider("loopback", e => factory.OpenAICompatible(e, models.OpenAIBaseUri));
        var store = new FileResultStore(root);
        var server = await ArchonApiServer.StartAsync(
            new ArchonApiServerOptions { Api = new ArchonApiOptions { ChatCompletionTimeoutSeconds = 110 } },
            services =>
            {
                services.AddSingleton<IModelInvoker>(new ChatClientModelInvoker(factory));
                services.AddSingleton<IResultStore>(store);
                services.AddSingleton<IArchitectureCatalog>(new InMemoryArchitectureCatalog([architecture]));
                services.AddSingleton(catalog);
            });
        return new FaultyLoopbackApiServer(root, factory, injector, models, server);
    }

    /// <summary>The canned reply for the role, tagged with a digest of the model and every message.</summary>
    public static string Reply(LoopbackExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var prompt = exchange.Model + "\u001e" + string.Join("\u001e", exchange.Messages.Select(m => m.Role + ":" + m.Content));
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)))[..12];
        return $"{CannedResponder.Respond(exchange.Messages)} #{digest}";
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Models.DisposeAsync();
        await _factory.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
