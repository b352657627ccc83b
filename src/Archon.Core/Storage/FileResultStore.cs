namespace Archon.Core.Storage;

/// <summary>
/// <see cref="IResultStore"/> on a local folder (default <c>.archon/</c>): <c>{root}/{container}/{name}</c>.
/// Writes go to a temp file and are moved into place, so a crash never leaves half a result and a rewrite overwrites.
/// </summary>
public sealed class FileResultStore : IResultStore
{
    private readonly string _root;

    public FileResultStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
    }

    public string Location => _root;

    public async Task PutBytesAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(container, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, content, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<byte[]?> GetBytesAsync(string container, string name, CancellationToken cancellationToken)
    {
        var path = PathOf(container, name);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(PathOf(container, name)));

    public Task<DateTimeOffset?> GetModifiedAsync(string container, string name, CancellationToken cancellationToken)
    {
        var path = PathOf(container, name);
        return Task.FromResult<DateTimeOffset?>(File.Exists(path) ? new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) : null);
    }

    public Task<IReadOnlyList<string>> ListAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        StoreNames.ValidateContainer(container);
        var dir = Path.Combine(_root, container);
        if (!Directory.Exists(dir))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var names = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(dir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(n => n.StartsWith(prefix ?? "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(names);
    }

    private string PathOf(string container, string name)
    {
        StoreNames.ValidateContainer(container);
        StoreNames.ValidateName(name);
        return Path.Combine(_root, container, name.Replace('/', Path.DirectorySeparatorChar));
    }
}
