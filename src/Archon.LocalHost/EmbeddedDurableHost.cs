using Archon.Hosting;
using Archon.Core.Storage;
using Archon.Durable.Orchestrations;
using Archon.Durable;
using System.Net;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archon.LocalHost;

/// <summary>
/// An in-process Durable Task backend for the CLI, `archon serve` and the tests: the in-memory orchestration service
/// behind the SDK's gRPC sidecar on a loopback port, plus a worker and client connected to it. Same programming model
/// as isolated Azure Functions (TaskOrchestrationContext), same orchestrator/activity classes.
/// We host the sidecar ourselves (instead of DurableTaskTestHost) to raise its work-item limits; see
/// <see cref="RaisedLimitOrchestrationService"/>. Orchestration state is in memory: results live in the result store.
/// </summary>
public sealed class EmbeddedDurableHost : IAsyncDisposable
{
    private readonly WebApplication _sidecar;
    private readonly IHost _worker;
    private readonly GrpcChannel _channel;
    private int _disposed;

    private EmbeddedDurableHost(WebApplication sidecar, IHost worker, GrpcChannel channel, Uri address)
    {
        _sidecar = sidecar;
        _worker = worker;
        _channel = channel;
        Address = address;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>Client for scheduling and querying orchestrations.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The worker's services (the ones activities resolve from).</summary>
    public IServiceProvider Services => _worker.Services;

    /// <summary>Loopback address of the gRPC sidecar.</summary>
    public Uri Address { get; }

    /// <param name="configureServices">Services activities need (IModelInvoker, IResultStore, ...).</param>
    public static async Task<EmbeddedDurableHost> StartAsync(
        Action<IServiceCollection> configureServices,
        EmbeddedDurableHostOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        options ??= new EmbeddedDurableHostOptions();
        options.Validate();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;

        var sidecar = BuildSidecar(options, loggerFactory);
        await sidecar.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = new Uri(sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var channel = GrpcChannel.ForAddress(address);

        IHost? worker = null;
        var runners = new RunnerSource();
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.AddSingleton(loggerFactory);
            builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            configureServices(builder.Services);
            builder.Services.AddDurableTaskWorker(worker =>
            {
                worker.UseGrpc(channel);
                worker.AddTasks(options.ConfigureTasks ?? (r => ArchonDurableTasks.Register(r, _ => true, runners.Get)));
                worker.Configure(o =>
                {
                    o.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities;
                    o.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestrations;
                });
            });
            builder.Services.AddDurableTaskClient(client =>
            {
                client.UseGrpc(channel);
                client.RegisterDirectly();
            });
            worker = builder.Build();
            runners.Services = worker.Services;
            await worker.StartAsync(cancellationToken).ConfigureAwait(false);
            return new EmbeddedDurableHost(sidecar, worker, channel, address);
        }
        catch
        {
            worker?.Dispose();
            channel.Dispose();
            await sidecar.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static WebApplication BuildSidecar(EmbeddedDurableHostOptions options, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        var service = new RaisedLimitOrchestrationService(
            new InMemoryOrchestrationService(loggerFactory), options.MaxConcurrentActivities, options.MaxConcurrentOrchestrations, options.HistoryMeter);
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _worker.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            _worker.Dispose();
            await _channel.ShutdownAsync().ConfigureAwait(false);
            _channel.Dispose();
            await _sidecar.StopAsync(timeout.Token).ConfigureAwait(false);
            await _sidecar.DisposeAsync().ConfigureAwait(false);
        }
    }
}
