using System.Text.Json;

namespace Archon.Core.Caching;

/// <summary>
/// One JSON file per entry under <c>{root}/{key[0..2]}/{key}.json</c>. Writes go to a temporary file that is then
/// moved into place, so concurrent writers and crashed runs never leave a half-written entry.
/// </summary>
public sealed class FileResponseCacheStore(string root) : IResponseCacheStore
{
    public string Root { get; } = root;

    public async Task<CachedChatResponse?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<CachedChatResponse>(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            // A damaged entry is a miss; the next response overwrites it.
            return null;
        }
    }

    public async Task SetAsync(string key, CachedChatResponse response, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(response), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(string key)
    {
        if (key.Length < 8 || key.Any(c => !char.IsAsciiHexDigitLower(c)))
        {
            throw new ArgumentException("cache keys are lower-case hex digests", nameof(key));
        }

        return Path.Combine(Root, key[..2], key + ".json");
    }
}
