using Archon.Core.Architecture;
using Archon.Core.Components;

namespace Archon.Cli.Commands;

/// <summary>
/// Turns --architecture into a file: an existing path, else &lt;name&gt;.json searched in ./architectures (above the
/// working directory) and $ARCHON_CONFIGS; the walk stops at the repository root, so nothing outside the checkout is read implicitly.
/// </summary>
internal static class ArchitectureLocator
{
    /// <summary>
    /// Finds and loads --architecture; bad input is one <see cref="ArgumentException"/> whose message is a single line
    /// naming the file (or the name that was not found), like a line of <c>archon validate</c>.
    /// </summary>
    public static ArchitectureConfig Load(string nameOrPath, ComponentRegistry? registry = null, TextWriter? warnings = null)
    {
        var path = Find(nameOrPath)
            ?? throw new ArgumentException($"architecture \"{nameOrPath}\" not found (searched: {string.Join(", ", SearchDirectories())})");
        var loaded = ArchitectureLoader.Load(path, registry ?? ComponentRegistry.CreateDefault());
        if (warnings is not null)
        {
            // Unknown keys are usually typos ("sample": 3 runs one sample): always said, with a "did you mean".
            foreach (var w in loaded.Warnings.Where(w => w.Rule == ValidationRules.UnknownKey))
            {
                warnings.WriteLine($"warning: {w}");
            }
        }

        return loaded.Succeeded
            ? loaded.Architecture!
            : throw new ArgumentException($"{path}: {string.Join(" | ", loaded.Errors.Select(e => e with { Source = null }))}");
    }

    public static string? Find(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }

        var file = nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? nameOrPath : nameOrPath + ".json";
        foreach (var dir in SearchDirectories())
        {
            if (Directory.Exists(dir)
                && Directory.EnumerateFiles(dir, Path.GetFileName(file), SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault() is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public static IEnumerable<string> SearchDirectories()
    {
        if (Environment.GetEnvironmentVariable("ARCHON_CONFIGS") is { Length: > 0 } env)
        {
            yield return env;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "architectures")))
            {
                yield return Path.Combine(dir.FullName, "architectures");
            }

            if (File.Exists(Path.Combine(dir.FullName, "Archon.sln")))
            {
                // The repository root ends the walk: nothing outside the checkout is searched implicitly
                // (set ARCHON_CONFIGS to add a folder such as the reference corpus).
                yield break;
            }
        }
    }
}
