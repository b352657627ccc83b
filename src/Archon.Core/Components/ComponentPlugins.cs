using System.Reflection;
using System.Runtime.Loader;

// RS0030 (no I/O in orchestration folders): Plugins load once at host start-up, never inside an orchestration.
#pragma warning disable RS0030

namespace Archon.Core.Components;

/// <summary>Loads component plugin assemblies and runs their <see cref="IComponentModule"/>s against a registry.</summary>
public static class ComponentPlugins
{
    /// <summary>Environment variable naming a folder whose *.dll files are component plugins.</summary>
    public const string FolderVariable = "ARCHON_COMPONENTS_DIR";

    /// <summary>Every plugin assembly to load: the explicit paths, then the *.dll files of <paramref name="folder"/> (sorted).</summary>
    public static IReadOnlyList<string> Discover(IEnumerable<string> assemblies, string? folder)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var all = assemblies.ToList();
        if (!string.IsNullOrWhiteSpace(folder))
        {
            if (!Directory.Exists(folder))
            {
                throw new ComponentPluginException($"{FolderVariable}={folder}: folder not found");
            }

            all.AddRange(Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal));
        }

        return all;
    }

    /// <summary>Loads each assembly and registers its modules' component types; returns the types each assembly added.</summary>
    public static IReadOnlyList<string> Load(ComponentRegistry registry, IEnumerable<string> assemblyPaths)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(assemblyPaths);
        var added = new List<string>();
        foreach (var path in assemblyPaths)
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                throw new ComponentPluginException($"component plugin {path}: file not found");
            }

            Assembly assembly;
            try
            {
                assembly = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => !a.IsDynamic && a.Location == full)
                    ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
            }
            catch (BadImageFormatException ex)
            {
                throw new ComponentPluginException($"component plugin {path}: not a .NET assembly ({ex.Message})", ex);
            }

            added.AddRange(Register(registry, assembly, path));
        }

        return added;
    }

    /// <summary>Runs every <see cref="IComponentModule"/> of <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<string> Register(ComponentRegistry registry, Assembly assembly, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(assembly);
        var label = name ?? assembly.GetName().Name;
        var modules = assembly.GetExportedTypes()
            .Where(t => typeof(IComponentModule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        if (modules.Count == 0)
        {
            throw new ComponentPluginException($"component plugin {label}: no public class implements {nameof(IComponentModule)}");
        }

        var before = registry.Types;
        foreach (var type in modules)
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new ComponentPluginException($"component plugin {label}: {type.FullName} needs a public parameterless constructor");
            }

            ((IComponentModule)Activator.CreateInstance(type)!).Register(registry);
        }

        return registry.Types.Except(before).Order(StringComparer.Ordinal).ToList();
    }
}
