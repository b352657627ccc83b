using Archon.Core.Providers;
using Archon.Offline;
using Archon.Core.Search;
using Archon.Durable.Search;
using Archon.Hosting.Storage;
using Archon.Offline.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archon.Hosting;

public static class ArchonSearchServices
{
    /// <summary>
    /// Hosts with a registered <see cref="ModelCatalog"/> (Functions app, `archon serve`): the search environment is the
    /// catalog plus the benchmark registry; benchmark data from the local folder <c>ARCHON_DATASET_DIR</c>, else
    /// mirrored from <c>ARCHON_DATASET_LOCATION</c> (<c>container/prefix</c> in the result store's account).
    /// A spec's <c>catalog</c> picks the models: "sim" (the SIMULATED fleet, behind its own provider stack) or "host"
    /// (the host's catalog); the API rejects any other value (<see cref="CatalogRoutingSearchEnvironment"/>).
    /// </summary>
    public static IServiceCollection AddArchonSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ISearchEnvironment>(sp =>
        {
            var hostCatalog = sp.GetRequiredService<ModelCatalog>();
            var simCatalog = OfflineProviders.NamedCatalog(OfflineProviders.SimCatalogName)!;
            var simFactory = new ModelClientFactory(simCatalog);
            OfflineProviders.Register(simFactory, SimulatorKnowledge.Shared);
            return new CatalogRoutingSearchEnvironment(
                DatasetMirrorRegistration.CreateSearchEnvironment(sp, configuration, hostCatalog, SimulatorKnowledge.Shared),
                hostCatalog,
                DatasetMirrorRegistration.CreateSearchEnvironment(sp, configuration, simCatalog, SimulatorKnowledge.Shared),
                new ChatClientModelInvoker(simFactory));
        });
        return services.AddArchonSearch();
    }
}
