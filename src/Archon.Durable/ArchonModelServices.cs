using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Durable.Caching;
using Archon.Durable.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archon.Durable;

/// <summary>
/// The model side of a host: the model catalog (file named by <c>ARCHON_MODELS</c>, else the core's default
/// lookup), the core provider stack (<see cref="ModelClientFactory"/>: resilience, concurrency caps, response cache in
/// the result store) and <see cref="ChatClientModelInvoker"/> as the <see cref="IModelInvoker"/> the model-call
/// activity uses. Resilience is declared there, once; the Durable retry policy only covers infrastructure failures.
/// </summary>
public static class ArchonModelServices
{
    public const string CatalogSetting = ModelCatalog.EnvironmentVariable;

    public static IServiceCollection AddArchonModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(sp =>
        {
            var path = configuration[CatalogSetting] is { Length: > 0 } configured ? configured : ModelCatalog.FindDefaultPath();
            return path is null
                ? throw new InvalidOperationException($"{CatalogSetting}: not set and no default model catalog was found; point it at a models JSON file")
                : ModelCatalog.Load(path);
        });
        services.TryAddSingleton(sp => new ModelClientFactory(
            sp.GetRequiredService<ModelCatalog>(),
            new ModelClientFactoryOptions { Cache = new ResultStoreResponseCache(sp.GetRequiredService<IResultStore>()) }));
        services.TryAddSingleton<IModelInvoker>(sp => new ChatClientModelInvoker(sp.GetRequiredService<ModelClientFactory>()));
        return services;
    }
}
