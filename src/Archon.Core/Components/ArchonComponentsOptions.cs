using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// What every host (CLI, serve, Functions app, search) configures the same way: extra component types and the prompt
/// pack. Bound from configuration section <c>Archon:Components</c> (<c>PluginAssemblies</c>, <c>PluginFolder</c>,
/// <c>PromptPack</c>) or set from code; see <c>AddArchonComponents</c>.
/// </summary>
public sealed class ArchonComponentsOptions
{
    /// <summary>Plugin assemblies whose <see cref="IComponentModule"/>s register component types.</summary>
    public IList<string> PluginAssemblies { get; } = [];

    /// <summary>A folder whose *.dll files are plugin assemblies (default: env ARCHON_COMPONENTS_DIR).</summary>
    public string? PluginFolder { get; set; }

    /// <summary>Path of a prompt pack file; null = the embedded default pack (app setting ARCHON_PROMPTS).</summary>
    public string? PromptPack { get; set; }

    /// <summary>Code-side registrations (tests, hosts embedding Archon).</summary>
    public IList<Action<ComponentRegistry>> Registrations { get; } = [];

    /// <summary>The registry these options describe: built-ins, then plugins, then code registrations.</summary>
    public ComponentRegistry BuildRegistry()
    {
        var registry = ComponentRegistry.CreateDefault();
        ComponentPlugins.Load(registry, ComponentPlugins.Discover(PluginAssemblies, PluginFolder));
        foreach (var register in Registrations)
        {
            register(registry);
        }

        return registry;
    }

    /// <summary>The pack these options name (validated; throws <see cref="PromptPackException"/> naming the problem).</summary>
    /// <summary>The pack <see cref="PromptPack"/> names: unset = the embedded default; text starting with <c>{</c> = the pack
    /// JSON itself (an app setting can carry it inline, like the model catalog); otherwise a pack file path.</summary>
    public PromptPack LoadPromptPack() =>
        string.IsNullOrWhiteSpace(PromptPack) ? Prompts.PromptPack.Default
        : PromptPack.TrimStart().StartsWith('{') ? PromptPackLoader.Parse(PromptPack, "ARCHON_PROMPTS (inline prompt pack)")
        : PromptPackLoader.Load(PromptPack);
}
