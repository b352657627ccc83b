using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Archon.Hosting.Storage;

namespace Archon.Hosting;

/// <summary>
/// The one composition root. Every host starts here: the result store (<c>ArchonStorage</c> settings, or
/// <see cref="ArchonHostOptions.LocalStore"/>) and the model stack (<see cref="ArchonModelServices"/>). Hosts that serve
/// the API add <see cref="ArchonDurableServices.AddArchonDurable"/> and search <see cref="ArchonSearchServices"/>;
/// in-process CLI verbs use <see cref="BuildProvider"/>.
/// </summary>
public static class ArchonServices
{
    public static IServiceCollection AddArchon(this IServiceCollection services, IConfiguration configuration, Action<ArchonHostOptions>? configure = null)
    {
        var options = new ArchonHostOptions();
        configure?.Invoke(options);
        services.AddArchonResultStore(configuration, options.LocalStore);
        services.AddArchonModels(configuration, options);
        return services;
    }

    /// <summary>A provider with <see cref="AddArchon"/> for commands that run in this process (<c>archon run</c>, <c>eval</c>).
    /// Dispose it: it owns the model clients and the offline providers' resources.</summary>
    public static ServiceProvider BuildProvider(IConfiguration configuration, Action<ArchonHostOptions>? configure = null) =>
        new ServiceCollection().AddArchon(configuration, configure).BuildServiceProvider();
}
