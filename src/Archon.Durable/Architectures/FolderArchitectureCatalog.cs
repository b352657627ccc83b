using Archon.Core.Architecture;
using Archon.Core.Components;

namespace Archon.Durable.Architectures;

/// <summary>
/// Architectures from the <c>*.json</c> files of a folder (`archon serve --architectures DIR`), loaded once.
/// Each is registered under its <c>name</c> and under its file name without extension. Files that do not load are
/// skipped and reported in <see cref="Skipped"/> (one line per file naming the rule), so one bad file does not take
/// the server down.
/// </summary>
public sealed class FolderArchitectureCatalog : IArchitectureCatalog
{
    private readonly Dictionary<string, ArchitectureConfig> _byName = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public FolderArchitectureCatalog(string folder, ComponentRegistry? registry = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"architectures folder '{folder}': does not exist");
        }

        var skipped = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var loaded = registry is null ? ArchitectureLoader.Load(file) : ArchitectureLoader.Load(file, registry);
            if (!loaded.Succeeded)
            {
                skipped.Add(loaded.Errors.Count > 0 ? loaded.Errors[0].ToString() : $"{file}: not loaded");
                continue;
            }

            var architecture = loaded.Architecture!;
            _names.Add(architecture.Name);
            _byName.TryAdd(architecture.Name, architecture);
            _byName.TryAdd(Path.GetFileNameWithoutExtension(file), architecture);
        }

        _names.Sort(StringComparer.Ordinal);
        Skipped = skipped;
    }

    public IReadOnlyList<string> Skipped { get; }

    public Task<ArchitectureConfig?> FindAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_byName.GetValueOrDefault(name));

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_names.Distinct(StringComparer.Ordinal).ToList());
}
