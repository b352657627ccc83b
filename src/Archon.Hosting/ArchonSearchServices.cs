using Archon.Core.Providers;
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
    /// </summary>
    public static IServiceCollection AddArchonSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ISearchEnvironment>(sp => DatasetMirrorRegistration.CreateSearchEnvironment(
            sp, configuration, sp.GetRequiredService<ModelCatalog>(), SimulatorKnowledge.Shared));
        return services.AddArchonSearch();
    }
}
