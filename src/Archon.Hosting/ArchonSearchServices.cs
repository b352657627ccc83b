using Archon.Core.Caching;
using Archon.Core.Providers;
using Archon.Core.Storage;
using Archon.Offline;
using Archon.Core.Search;
using Archon.Core.Search.Judging;
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
            // The SIMULATED fleet's own stack carries the store's response cache too, so a judge never re-scores an answer.
            var simFactory = new ModelClientFactory(simCatalog, new ModelClientFactoryOptions
            {
                Cache = new ResultStoreResponseCache(sp.GetRequiredService<IResultStore>()),
            });
            OfflineProviders.Register(simFactory, SimulatorKnowledge.Shared);
            // Judge-scored benchmarks: the judge is a model of the spec's catalog, called through that catalog's
            // provider stack and metered apart from the candidates (the host's stack carries the response cache).
            var meter = sp.GetRequiredService<JudgeMeter>();
            return new CatalogRoutingSearchEnvironment(
                DatasetMirrorRegistration.CreateSearchEnvironment(sp, configuration, hostCatalog, SimulatorKnowledge.Shared,
                    JudgeClients.Create(sp.GetRequiredService<ModelClientFactory>(), meter)),
                hostCatalog,
                DatasetMirrorRegistration.CreateSearchEnvironment(sp, configuration, simCatalog, SimulatorKnowledge.Shared, JudgeClients.Create(simFactory, meter)),
                new ChatClientModelInvoker(simFactory));
        });
        return services.AddArchonSearch();
    }
}
