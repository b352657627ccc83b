using Archon.Offline;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Offline.Simulation;
using Archon.Core.Caching;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archon.Hosting;

/// <summary>
/// The model side of a host: the model catalog (<c>ARCHON_MODEL_CATALOG</c>: the catalog JSON itself, as the Bicep
/// template writes it, or a path; else <c>ARCHON_MODELS</c> / the core's default lookup), the core provider stack (<see cref="ModelClientFactory"/>: resilience, concurrency caps, response cache in
/// the result store) and <see cref="ChatClientModelInvoker"/> as the <see cref="IModelInvoker"/> the model-call
/// activity uses. Resilience is declared there, once; the Durable retry policy only covers infrastructure failures.
/// </summary>
public static class ArchonModelServices
{
    public const string CatalogSetting = "ARCHON_MODEL_CATALOG";

    public static IServiceCollection AddArchonModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => LoadCatalog(configuration));
        services.TryAddSingleton(sp =>
        {
            var factory = new ModelClientFactory(
                sp.GetRequiredService<ModelCatalog>(),
                new ModelClientFactoryOptions { Cache = new ResultStoreResponseCache(sp.GetRequiredService<IResultStore>()) });
            // The SIMULATED provider, for catalogs that use it; API results then carry the SIMULATED label.
            OfflineProviders.Register(factory, SimulatorKnowledge.Shared);
            return factory;
        });
        services.TryAddSingleton<IModelInvoker>(sp => new ChatClientModelInvoker(sp.GetRequiredService<ModelClientFactory>()));
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
