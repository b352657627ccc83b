using Archon.Hosting;
using Archon.Durable.Orchestrations;
using Archon.Durable;
using System.Net;
using Archon.Durable.Architectures;
using Archon.Http;
using Archon.Http.Mcp;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archon.LocalHost;

/// <summary>
/// `archon serve`: the Functions app's HTTP API on Kestrel (loopback by default) over an <see cref="EmbeddedDurableHost"/>,
/// for machines without a Functions host. Same handlers, same routes, same orchestrations.
/// </summary>
public sealed class ArchonApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ArchonApiServer(WebApplication app, EmbeddedDurableHost durable, DurableTaskClient client, Uri baseAddress)
    {
        _app = app;
        Durable = durable;
        Client = client;
        BaseAddress = baseAddress;
    }

    public EmbeddedDurableHost Durable { get; }

    /// <summary>The client the HTTP handlers use: it knows inline inference instances as well as the Durable host's.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>e.g. http://127.0.0.1:5123/ ; the API lives under /api.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Cancelled when the server is asked to stop (SIGTERM/Ctrl+C through the host's console lifetime).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <param name="configureServices">Registers IModelInvoker, IResultStore and IArchitectureCatalog (activities and handlers share them).</param>
    public static async Task<ArchonApiServer> StartAsync(
        ArchonApiServerOptions options,
        Action<IServiceCollection> configureServices,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var durable = await EmbeddedDurableHost.StartAsync(configureServices, options.Durable, cancellationToken).ConfigureAwait(false);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions());
            builder.Logging.ClearProviders();
            if (options.LoggerFactory is not null)
            {
                builder.Services.AddSingleton(options.LoggerFactory);
            }

            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Listen(options.BindAddress, options.Port);
                k.Limits.MaxRequestBodySize = options.Api.MaxRequestBytes + 1;
            });
            // Handlers and activities must see the same catalog and store instances.
            builder.Services.AddSingleton(durable.Services.GetRequiredService<IArchitectureCatalog>());
            builder.Services.AddSingleton(durable.Services.GetRequiredService<IResultStore>());
            var client = ClientFor(options, durable);
            builder.Services.AddSingleton(client);
            builder.Services.AddSingleton(durable.Services.GetRequiredService<Archon.Core.Streaming.IStreamRelay>());
            if (durable.Services.GetService<Archon.Core.Providers.ModelCatalog>() is { } modelCatalog)
            {
                // Lets results of simulator-backed architectures be labelled SIMULATED.
                builder.Services.AddSingleton(modelCatalog);
            }

            if (durable.Services.GetService<Archon.Core.Components.ComponentRegistry>() is { } registry)
            {
                // Inline architectures in requests may use the host's custom component types.
                builder.Services.AddSingleton(registry);
            }

            if (durable.Services.GetService<Archon.Core.Search.ISearchEnvironment>() is { } searchEnvironment)
            {
                // Lets GET /api/search/{id} label searches over simulated models.
                builder.Services.AddSingleton(searchEnvironment);
            }

            builder.Services.AddSingleton<IOptions<ArchonApiOptions>>(Options.Create(options.Api));
            builder.Services.AddArchonApiHandlers();
            builder.Services.AddArchonMcp();
            var app = builder.Build();
            app.MapArchonApi(options.ApiKey);
            app.MapArchonMcp(options.ApiKey);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new ArchonApiServer(app, durable, client, new Uri(address.EndsWith('/') ? address : address + "/"));
        }
        catch
        {
            await durable.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The client the handlers use: inline inference over the Durable client, or the Durable client itself.</summary>
    private static DurableTaskClient ClientFor(ArchonApiServerOptions options, EmbeddedDurableHost durable)
    {
        if (options.Inference != ServeInference.Inline || options.Durable.ConfigureTasks is not null)
        {
            return durable.Client;
        }

        var services = durable.Services;
        return new Inline.InlineInferenceClient(
            durable.Client, services, () => services.GetService<Archon.Core.Execution.ArchitectureRunner>() ?? DefaultRunner,
            services.GetService<TimeProvider>() ?? TimeProvider.System);
    }

    private static readonly Archon.Core.Execution.ArchitectureRunner DefaultRunner = new();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Durable.DisposeAsync().ConfigureAwait(false);
        }
    }
}
