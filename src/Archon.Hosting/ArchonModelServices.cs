using Archon.Core.Caching;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Core.Storage;
using Archon.Offline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archon.Hosting;

/// <summary>
/// The model side of every host (Functions app, <c>archon serve</c>, <c>run</c>, <c>eval</c>, <c>search</c>): the model
/// catalog, one <see cref="ModelClientFactory"/> (telemetry, the response cache, resilience, concurrency caps) with the
/// offline providers registered (the SIMULATED "sim" fleet and "loopback" are just more <c>IChatClient</c> providers
/// behind the same stack), and <see cref="ChatClientModelInvoker"/> as the <see cref="IModelInvoker"/>. Resilience is
/// declared there, once; the Durable retry policy only covers infrastructure failures.
/// </summary>
public static class ArchonModelServices
{
    public const string CatalogSetting = "ARCHON_MODEL_CATALOG";

    public static IServiceCollection AddArchonModels(this IServiceCollection services, IConfiguration configuration, ArchonHostOptions? options = null)
    {
        options ??= new ArchonHostOptions();
        services.TryAddSingleton(_ => options.Catalog ?? LoadCatalog(configuration));
        services.TryAddSingleton(sp =>
        {
            IResponseCacheStore? cache = options.Cache switch
            {
                ResponseCacheLocation.ResultStore => new ResultStoreResponseCache(sp.GetRequiredService<IResultStore>()),
                ResponseCacheLocation.Folder => new FileResponseCacheStore(options.CacheFolder
                    ?? throw new InvalidOperationException("ArchonHostOptions.CacheFolder: required when Cache is Folder")),
                _ => null,
            };
            var factory = new ModelClientFactory(sp.GetRequiredService<ModelCatalog>(), new ModelClientFactoryOptions
            {
                Cache = cache,
                Resilience = new ArchonResilienceOptions { TimeProvider = options.TimeProvider },
            });
            // API and CLI results of architectures on "sim" models carry the SIMULATED label.
            OfflineProviders.Register(factory, options.Knowledge, seed: options.SimulatorSeed, delayScale: options.SimulatorDelayScale, faults: options.LoopbackFaults);
            return factory;
        });
        services.TryAddSingleton<IModelInvoker>(sp => new ChatClientModelInvoker(sp.GetRequiredService<ModelClientFactory>(), options.TimeProvider));
        return services;
    }

    /// <summary>Inline JSON or a path in <c>ARCHON_MODEL_CATALOG</c>; else <c>ARCHON_MODELS</c> or catalog/models.json.</summary>
    public static ModelCatalog LoadCatalog(IConfiguration configuration)
    {
        if (configuration[CatalogSetting] is { Length: > 0 } configured)
        {
            return configured.TrimStart().StartsWith('{') ? ModelCatalog.Parse(configured, CatalogSetting) : ModelCatalog.Load(configured);
        }

        var path = configuration[ModelCatalog.EnvironmentVariable] is { Length: > 0 } env ? env : ModelCatalog.FindDefaultPath();
        return path is null
            ? throw new InvalidOperationException($"{CatalogSetting}: not set, and neither {ModelCatalog.EnvironmentVariable} nor catalog/models.json was found")
            : ModelCatalog.Load(path);
    }
}
