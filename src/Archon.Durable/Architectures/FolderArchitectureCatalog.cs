using Archon.Core.Architecture;
using Archon.Core.Components;

namespace Archon.Durable.Architectures;

/// <summary>
/// Architectures from the <c>*.json</c> files of a folder (`archon serve --architectures DIR`). Each is registered
/// under its <c>name</c> and under its file name without extension. The folder is re-read whenever its set of files,
/// their sizes or write times change, so an architecture dropped into it is served without a restart. Files that do
/// not load are skipped and reported in <see cref="Skipped"/> (one line per file naming the rule), so one bad file
/// does not take the server down.
/// </summary>
public sealed class FolderArchitectureCatalog : IArchitectureCatalog
{
    private readonly string _folder;
    private readonly ComponentRegistry? _registry;
    private readonly Lock _gate = new();
    private Snapshot _snapshot = Snapshot.Empty;

    public FolderArchitectureCatalog(string folder, ComponentRegistry? registry = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"architectures folder '{folder}': does not exist");
        }

        _folder = folder;
        _registry = registry;
        Current();
    }

    public IReadOnlyList<string> Skipped => Current().Skipped;

    public Task<ArchitectureConfig?> FindAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Current().ByName.GetValueOrDefault(name)?.Architecture);

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Current().Names);

    public Task<DateTimeOffset?> CreatedAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Current().ByName.TryGetValue(name, out var entry) ? (DateTimeOffset?)entry.Written : null);

    private Snapshot Current()
    {
        var files = Directory.EnumerateFiles(_folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f)).ToList();
        var fingerprint = string.Join('|', files.Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
        lock (_gate)
        {
            if (fingerprint != _snapshot.Fingerprint)
            {
                _snapshot = Load(files, fingerprint, _registry);
            }

            return _snapshot;
        }
    }

    private static Snapshot Load(IReadOnlyList<FileInfo> files, string fingerprint, ComponentRegistry? registry)
    {
        var byName = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var skipped = new List<string>();
        foreach (var file in files)
        {
            var loaded = registry is null ? ArchitectureLoader.Load(file.FullName) : ArchitectureLoader.Load(file.FullName, registry);
            if (!loaded.Succeeded)
            {
                skipped.Add(loaded.Errors.Count > 0 ? loaded.Errors[0].ToString() : $"{file.FullName}: not loaded");
                continue;
            }

            var entry = new Entry(loaded.Architecture!, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
            names.Add(entry.Architecture.Name);
            byName.TryAdd(entry.Architecture.Name, entry);
            byName.TryAdd(Path.GetFileNameWithoutExtension(file.Name), entry);
        }

        return new Snapshot(fingerprint, byName, names.ToList(), skipped);
    }

    private sealed record Entry(ArchitectureConfig Architecture, DateTimeOffset Written);

    private sealed record Snapshot(string Fingerprint, IReadOnlyDictionary<string, Entry> ByName, IReadOnlyList<string> Names, IReadOnlyList<string> Skipped)
    {
        public static Snapshot Empty { get; } = new("\0", new Dictionary<string, Entry>(), [], []);
    }
}
