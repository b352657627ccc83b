using Archon.Core.Storage;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Archon.Core.Evaluation.Datasets;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Archon.Hosting.Storage;

/// <summary>
/// Copies benchmark data from Blob Storage (app setting <c>ARCHON_DATASET_LOCATION</c> = <c>&lt;container&gt;/&lt;prefix&gt;</c>)
/// into a local cache folder, because the dataset loaders read files. Blobs whose size and ETag match the previous copy
/// are skipped, so a warm instance downloads nothing. The folder is keyed by account and location so two locations
/// never mix.
/// </summary>
public sealed class BlobDatasetMirror(BlobServiceClient service, string? cacheRoot = null)
{
    public const string LocationSetting = "ARCHON_DATASET_LOCATION";

    // Sidecar with the ETag of every mirrored blob: the file system keeps sizes, not ETags.
    private const string ManifestName = ".archon-mirror.json";

    private readonly string _cacheRoot = cacheRoot ?? Path.Combine(Path.GetTempPath(), "archon-datasets");

    /// <summary>Splits <c>container/prefix</c>; the prefix may be empty (whole container).</summary>
    public static (string Container, string Prefix) ParseLocation(string location)
    {
        var trimmed = location.Trim().Trim('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? trimmed : trimmed[..slash];
        var prefix = slash < 0 ? "" : trimmed[(slash + 1)..].Trim('/');
        if (container.Length == 0 || trimmed.Contains("://", StringComparison.Ordinal))
        {
            throw new DatasetNotFoundException($"{LocationSetting} '{location}': expected '<container>/<prefix>' (e.g. archon-search/datasets)");
        }

        return (container, prefix);
    }

    public async Task<DatasetMirrorResult> MirrorAsync(string location, CancellationToken cancellationToken = default)
    {
        var (containerName, prefix) = ParseLocation(location);
        var where = $"container '{containerName}', prefix '{prefix}' ({service.Uri})";
        var container = service.GetBlobContainerClient(containerName);
        if (!await container.ExistsAsync(cancellationToken))
        {
            throw new DatasetNotFoundException($"{LocationSetting}: benchmark data not found: {where} does not exist; upload the dataset folders (gsm8k/, math500/, ...) there.");
        }

        var root = Path.Combine(_cacheRoot, Hash($"{service.Uri}|{containerName}|{prefix}"));
        Directory.CreateDirectory(root);
        var manifestPath = Path.Combine(root, ManifestName);
        var manifest = ReadManifest(manifestPath);
        var blobPrefix = prefix.Length == 0 ? "" : prefix + "/";
        int count = 0, downloaded = 0;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, blobPrefix, cancellationToken))
        {
            count++;
            var relative = blob.Name[blobPrefix.Length..];
            var local = Path.GetFullPath(Path.Combine(root, relative));
            if (!local.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue; // a blob name with '..' must not escape the cache folder
            }

            var etag = blob.Properties.ETag?.ToString() ?? "";
            var size = blob.Properties.ContentLength ?? -1;
            if (File.Exists(local) && new FileInfo(local).Length == size && manifest.GetValueOrDefault(relative) == etag)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            var temp = local + ".part";
            await container.GetBlobClient(blob.Name).DownloadToAsync(temp, cancellationToken);
            File.Move(temp, local, overwrite: true);
            manifest[relative] = etag;
            downloaded++;
        }

        if (count == 0)
        {
            throw new DatasetNotFoundException($"{LocationSetting}: benchmark data not found: {where} holds no blobs; upload the dataset folders (gsm8k/, math500/, ...) there.");
        }

        if (downloaded > 0)
        {
            await File.WriteAllTextAsync(manifestPath, JsonSerializer.Serialize(manifest), cancellationToken);
        }

        return new DatasetMirrorResult(root, count, downloaded);
    }

    private static Dictionary<string, string> ReadManifest(string path)
    {
        try
        {
            return File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
                : [];
        }
        catch (JsonException)
        {
            return []; // a torn manifest only costs one re-download
        }
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
