using Archon.Core.Providers;
using Archon.Core.Search;
using Archon.Core.Simulation;
using Archon.Durable.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archon.Durable.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the search activities resolve: <see cref="SearchWorkspace"/>. The host must also register an
    /// <see cref="ISearchEnvironment"/> (catalog, benchmark, scorers), an <see cref="Archon.Core.Execution.IModelInvoker"/>
    /// and an <see cref="Storage.IResultStore"/>.
    /// </summary>
    public static IServiceCollection AddArchonSearch(this IServiceCollection services)
    {
        services.TryAddSingleton<SearchWorkspace>();
        return services;
    }

    /// <summary>
    /// Hosts with a registered <see cref="ModelCatalog"/> (Functions app, `archon serve`): the search environment is the
    /// catalog plus the benchmark registry; benchmark data from the local folder <c>ARCHON_DATASET_DIR</c>, else
    /// mirrored from <c>ARCHON_DATASET_LOCATION</c> (<c>container/prefix</c> in the result store's account).
    /// </summary>
    public static IServiceCollection AddArchonSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ISearchEnvironment>(sp => DatasetMirrorRegistration.CreateSearchEnvironment(
            sp, configuration, sp.GetRequiredService<ModelCatalog>(), SimulatorKnowledge.Shared));
        return services.AddArchonSearch();
    }
}
