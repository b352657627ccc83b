namespace Archon.Core.Storage;

/// <summary>
/// <see cref="IResultStore"/> on a local folder (default <c>.archon/</c>): <c>{root}/{container}/{name}</c>.
/// Writes go to a temp file and are moved into place, so a crash never leaves half a result and a rewrite overwrites.
/// </summary>
public sealed class FileResultStore : IResultStore
{
    private const int MaxRememberedDirectories = 4096;

    private readonly string _root;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _directories = new(StringComparer.Ordinal);

    public FileResultStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
    }

    public string Location => _root;

    public Task PutBytesAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(container, name);
        EnsureDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        // Synchronous on purpose: "async" file writes on Linux are blocking writes on a pool thread plus FileStream's
        // machinery, and a stored call is a few kilobytes. A served one-call query wrote 2 files at 1.4-1.6 ms each.
        try
        {
            Write(temp, content.Span);
        }
        catch (DirectoryNotFoundException)
        {
            // The folder was removed after this store made it (a cleanup, another process): make it again, once.
            var directory = Path.GetDirectoryName(path)!;
            _directories.TryRemove(directory, out _);
            EnsureDirectory(directory);
            Write(temp, content.Span);
        }

        File.Move(temp, path, overwrite: true);
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetBytesAsync(string container, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(container, name);
        try
        {
            return Task.FromResult<byte[]?>(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<byte[]?>(null);
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

    private static void Write(string path, ReadOnlySpan<byte> content)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, content.Length);
        RandomAccess.Write(handle, content, 0);
    }

    // Directories this store has created or seen: a trace writes many blobs under one instance folder, and each
    // CreateDirectory is a walk of stat calls up the path.
    private void EnsureDirectory(string directory)
    {
        if (_directories.ContainsKey(directory))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        if (_directories.Count >= MaxRememberedDirectories)
        {
            _directories.Clear();
        }

        _directories.TryAdd(directory, 0);
    }

    private string PathOf(string container, string name)
    {
        StoreNames.ValidateContainer(container);
        StoreNames.ValidateName(name);
        return Path.Combine(_root, container, name.Replace('/', Path.DirectorySeparatorChar));
    }
}
