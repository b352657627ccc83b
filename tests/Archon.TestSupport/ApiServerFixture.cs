using Archon.Durable;
using Archon.Core.Search;
using Archon.Core.Execution;
using Archon.Durable.Architectures;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Http;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.TestSupport;

/// <summary>`archon serve`'s server on a free loopback port with a test invoker, a temp store and two registered architectures.</summary>
public class ApiServerFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"archon-api-{Guid.NewGuid():N}");

    public ArchonApiServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public FakeModel Invoker { get; } = new();

    public FileResultStore Store { get; private set; } = null!;

    protected virtual string? ApiKey => null;

    /// <summary>How the server runs inference (the `archon serve` default unless a subclass says otherwise).</summary>
    protected virtual ServeInference Inference => ServeInference.Inline;

    public async Task InitializeAsync()
    {
        var store = Store = new FileResultStore(_root);
        var catalog = new InMemoryArchitectureCatalog([TestArchitectures.EightGeneratorsCriticRankerFuser("eight-gen"), TestArchitectures.SingleGenerator("single")]);
        Server = await ArchonApiServer.StartAsync(
            new ArchonApiServerOptions
            {
                ApiKey = ApiKey, Inference = Inference, Api = new ArchonApiOptions { MaxRequestBytes = 64 * 1024, ChatCompletionTimeoutSeconds = 60 },
            },
            services =>
            {
                services.AddSingleton<IModelInvoker>(Invoker);
                services.AddSingleton<IResultStore>(store);
                services.AddSingleton<IArchitectureCatalog>(catalog);
                services.AddSingleton<ISearchEnvironment>(new FakeSearchEnvironment());
            });
        Http = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

public sealed class KeyedApiServerFixture : ApiServerFixture
{
    public const string Key = "test-key-123";

    protected override string? ApiKey => Key;
}

/// <summary>The server with every inference an orchestration of the embedded Durable host (`archon serve --inference durable`).</summary>
public sealed class DurableInferenceApiServerFixture : ApiServerFixture
{
    protected override ServeInference Inference => ServeInference.Durable;
}
