using Archon.Core.Components;
using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Cli.Commands;

/// <summary>
/// What --components and --prompts select, built the same way for every command: the registry (built-ins, then the
/// plugin assemblies named by --components, then those in ARCHON_COMPONENTS_DIR) and the prompt pack (--prompts, else
/// ARCHON_PROMPTS, else the embedded default). Bad input is an <see cref="ArgumentException"/> with a one-line message.
/// </summary>
internal static class CliComponents
{
    public static ArchonComponentsOptions Options(IEnumerable<string>? components, string? prompts)
    {
        var options = new ArchonComponentsOptions
        {
            PluginFolder = Environment.GetEnvironmentVariable(ComponentPlugins.FolderVariable) is { Length: > 0 } dir ? dir : null,
            PromptPack = prompts ?? (Environment.GetEnvironmentVariable("ARCHON_PROMPTS") is { Length: > 0 } p ? p : null),
        };
        foreach (var path in components ?? [])
        {
            options.PluginAssemblies.Add(path);
        }

        return options;
    }

    public static ComponentRegistry Registry(IEnumerable<string>? components)
    {
        try
        {
            return Options(components, null).BuildRegistry();
        }
        catch (ComponentPluginException ex)
        {
            throw new ArgumentException(ex.Message, ex);
        }
    }

    public static PromptPack Pack(string? prompts)
    {
        try
        {
            return Options(null, prompts).LoadPromptPack();
        }
        catch (PromptPackException ex)
        {
            // One line, like every CLI error: the pack's problems joined.
            throw new ArgumentException(ex.Message.Replace("\n  - ", " | ", StringComparison.Ordinal), ex);
        }
    }

    public static ArchitectureRunner Runner(IEnumerable<string>? components, string? prompts) => new(Registry(components), Pack(prompts));
}
