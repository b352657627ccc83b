using Archon.Core.Providers;
using Archon.Core.Search;
using Archon.Core.Storage;
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
        services.TryAddSingleton<Archon.Core.Search.Judging.JudgeMeter>();
        services.TryAddSingleton<SearchWorkspace>();
        return services;
    }
}
