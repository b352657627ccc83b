using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Core.Storage;
using Archon.Durable.Architectures;
using Archon.Http;
using Archon.LocalHost;
using Archon.Offline.Loopback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archon.TestSupport;

/// <summary>
/// `archon serve` over real providers: every model is an OpenAI-compatible endpoint on a loopback server (so calls go
/// through ChatClientModelInvoker, the provider stack and real SSE streaming). Model "fuse" answers
/// <see cref="FinalText"/> and, when streamed, releases its tokens through <see cref="Gate"/>; every other model gives
/// the canned per-role reply. Architectures: "three-layer" (2 generators → fuser → final fuser), "direct" (one
/// "fuse" generator) and "ranked" (generators → ranker: an answer known only after the last layer).
/// </summary>
#pragma warning disable CA1001 // xunit disposes fixtures through IAsyncLifetime.DisposeAsync, which releases every field.
public class StreamingApiFixture : IAsyncLifetime
#pragma warning restore CA1001
{
    public const string FinalText = "Two plus two is four, because adding two to two gives four.";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"archon-stream-{Guid.NewGuid():N}");
    private LoopbackModelServer? _models;
    private ModelClientFactory? _factory;

    public ArchonApiServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The gate of the next streamed "fuse" reply; tests replace it per test (tests of a class run one at a time).</summary>
    public TokenGate Gate { get; set; } = new();

    /// <summary>Optional gate in front of every non-final reply (blocks layer 1).</summary>
    public TaskCompletionSource? EarlyLayerGate { get; set; }

    public TaskCompletionSource EarlyLayerReached { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _finalModelRequests;

    /// <summary>Requests the final model ("fuse") has received so far.</summary>
    public int FinalModelRequests => Volatile.Read(ref _finalModelRequests);

    /// <summary>What the server logged (shown by tests when they fail).</summary>
    public ListLoggerProvider Logs { get; } = new();

    protected virtual double ReconnectGraceSeconds => 60;

    public async Task InitializeAsync()
    {
        _models = LoopbackModelServer.Start(async (exchange, ct) =>
        {
            if (exchange.Model == "fuse-served")
            {
                Interlocked.Increment(ref _finalModelRequests);
                var gate = Gate;
                return new LoopbackReply { Text = FinalText, BeforeToken = gate.BeforeTokenAsync };
            }

            EarlyLayerReached.TrySetResult();
            if (EarlyLayerGate is { } early)
            {
                await early.Task.WaitAsync(ct);
            }

            return LoopbackReply.Ok(CannedResponder.Respond(exchange.Messages));
        });
        var endpoint = _models.OpenAIBaseUri;
        var catalog = new ModelCatalog([Entry("gen", endpoint), Entry("fuse", endpoint)], "streaming-test-catalog.json");
        _factory = new ModelClientFactory(catalog, new ModelClientFactoryOptions
        {
            Resilience = ProviderHarness.FastRetries,
            GetEnvironmentVariable = name => name == "TEST_KEY" ? "sk-test" : null,
        });
        var invoker = new ChatClientModelInvoker(_factory);
        var store = new FileResultStore(_root);
        var architectures = new InMemoryArchitectureCatalog([
            TestArchitectures.Arch("three-layer", [C("generator", "gen", samples: 2)], [C("fuser", "gen")], [C("fuser", "fuse")]),
            TestArchitectures.Arch("direct", [C("generator", "fuse")]),
            TestArchitectures.Arch("ranked", [C("generator", "gen", samples: 2)], [C("ranker", "gen", topK: 1)]),
        ]);
        Server = await ArchonApiServer.StartAsync(
            new ArchonApiServerOptions
            {
                LoggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs)),
                Durable = new EmbeddedDurableHostOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Warning)) },
                Api = new ArchonApiOptions { ChatCompletionTimeoutSeconds = 60, MaxChoices = 4, StreamReconnectGraceSeconds = ReconnectGraceSeconds },
            },
            services =>
            {
                services.AddSingleton<IModelInvoker>(invoker);
                services.AddSingleton<IResultStore>(store);
                services.AddSingleton<IArchitectureCatalog>(architectures);
            });
        Http = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Gate.Open();
        EarlyLayerGate?.TrySetResult();
        Http.Dispose();
        await Server.DisposeAsync();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_models is not null)
        {
            await _models.DisposeAsync();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static ComponentConfig C(string type, string model, int samples = 1, int? topK = null) =>
        TestArchitectures.C(type, model, samples, topK) with { Temperature = 0 };

    private static ModelEntry Entry(string id, Uri endpoint) => new()
    {
        Id = id, Provider = "openai-compatible", Endpoint = endpoint.ToString(), ApiKeyEnv = "TEST_KEY", ProviderModel = $"{id}-served",
        InputPricePerMillion = 1m, OutputPricePerMillion = 2m, MaxRetries = 0, TimeoutSeconds = 60,
    };
}

/// <summary>The same server with no reconnect grace: a disconnect cancels at once.</summary>
public sealed class NoGraceStreamingApiFixture : StreamingApiFixture
{
    protected override double ReconnectGraceSeconds => 0;
}
