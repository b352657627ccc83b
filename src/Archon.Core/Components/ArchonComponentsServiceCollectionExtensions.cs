using Archon.Core.Execution;
using Archon.Core.Prompts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archon.Core.Components;

/// <summary>
/// The one DI registration point for component types and prompt packs: registers <see cref="ArchonComponentsOptions"/>,
/// and singletons of the <see cref="ComponentRegistry"/>, the <see cref="PromptPack"/> and the
/// <see cref="ArchitectureRunner"/> built from them, so every host resolves the same registry and pack.
/// </summary>
public static class ArchonComponentsServiceCollectionExtensions
{
    public const string ConfigurationSection = "Archon:Components";

    /// <summary>
    /// Adds the registry, pack and runner. Configuration: <c>Archon:Components:PluginAssemblies</c> (list),
    /// <c>Archon:Components:PluginFolder</c> (or ARCHON_COMPONENTS_DIR), <c>Archon:Components:PromptPack</c> (or ARCHON_PROMPTS).
    /// </summary>
    public static IServiceCollection AddArchonComponents(this IServiceCollection services, IConfiguration? configuration = null,
        Action<ArchonComponentsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ArchonComponentsOptions();
        if (configuration is not null)
        {
            var section = configuration.GetSection(ConfigurationSection);
            foreach (var path in section.GetSection("PluginAssemblies").GetChildren().Select(c => c.Value).OfType<string>())
            {
                options.PluginAssemblies.Add(path);
            }

            options.PluginFolder = section["PluginFolder"] ?? configuration[ComponentPlugins.FolderVariable];
            options.PromptPack = section["PromptPack"] ?? configuration["ARCHON_PROMPTS"];
        }

        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => sp.GetRequiredService<ArchonComponentsOptions>().BuildRegistry());
        services.TryAddSingleton(sp => sp.GetRequiredService<ArchonComponentsOptions>().LoadPromptPack());
        services.TryAddSingleton(sp => new ArchitectureRunner(sp.GetRequiredService<ComponentRegistry>(), sp.GetRequiredService<PromptPack>()));
        return services;
    }
}
