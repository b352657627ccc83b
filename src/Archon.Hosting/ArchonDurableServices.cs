using Archon.Durable;
using Archon.Durable.Activities;
using Archon.Durable.Architectures;
using Archon.Http;
using Archon.Durable.Orchestrations;
using Archon.Core.Components;
using Archon.Core.Evaluation.Sandbox;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Archon.Hosting;

/// <summary>
/// What the hosts that serve the API add to <see cref="ArchonServices.AddArchon"/>: result store (section <c>ArchonStorage</c>, unless already registered),
/// architecture catalog (the store's <c>archon-architectures/</c>, then the architectures bundled with the app), API limits (section <c>ArchonApi</c>), HTTP handlers, activity bodies for
/// the [Function] wrappers, and the scheduled-search trigger (<c>ARCHON_SEARCH_*</c> settings).
/// </summary>
public static class ArchonDurableServices
{
    public static IServiceCollection AddArchonDurable(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddArchonResultStore(configuration);
        // Component types (plugins: ARCHON_COMPONENTS_DIR) and the prompt pack (ARCHON_PROMPTS): one registry for
        // the architecture catalogs, the HTTP handlers, the inference orchestration and the search.
        services.AddArchonComponents(configuration);
        services.TryAddSingleton<IArchitectureCatalog>(sp =>
        {
            var registry = sp.GetRequiredService<ComponentRegistry>();
            var store = new StoreArchitectureCatalog(sp.GetRequiredService<IResultStore>(), registry);
            var bundled = Path.Combine(AppContext.BaseDirectory, "architectures");
            return Directory.Exists(bundled) ? new CompositeArchitectureCatalog(store, new FolderArchitectureCatalog(bundled, registry)) : store;
        });
        services.AddOptions<ArchonApiOptions>()
            .Bind(configuration.GetSection(ArchonApiOptions.SectionName))
            .Validate(o => o.Validate() is null, "ArchonApi settings are invalid (see ArchonApiOptions for the rules)")
            .ValidateOnStart();
        // Code sandbox settings (docs/sandbox.md): checked at start; scorers build the sandbox from the same settings
        // (CodeSandbox.Shared reads the ArchonSandbox__* app settings), so a bad Kind or endpoint stops the host here.
        services.AddOptions<CodeSandboxOptions>().Bind(configuration.GetSection(CodeSandboxOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CodeSandboxOptions>, CodeSandboxOptionsValidator>());
        services.AddArchonApiHandlers();
        foreach (var activity in ArchonDurableTasks.Activities)
        {
            services.TryAddTransient(activity);
        }

        services.TryAddSingleton(ScheduledSearchOptions.FromSettings(key => configuration[key]));
        services.TryAddSingleton<ScheduledSearchTrigger>();
        return services;
    }
}
