using Archon.Core.Storage;
using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Archon.Hosting.Storage;

/// <summary>
/// <see cref="IResultStore"/> on Azure Blob Storage (or Azurite). The <see cref="BlobServiceClient"/> comes from
/// <c>AddAzureClients</c>: identity-based in Azure, a connection string only for Azurite.
/// </summary>
public sealed class BlobResultStore(BlobServiceClient service) : IResultStore
{
    // Containers are created lazily once per process; CreateIfNotExists is idempotent, the cache only saves round trips.
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);

    public string Location => service.Uri.ToString();

    public async Task PutBytesAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        StoreNames.ValidateContainer(container);
        StoreNames.ValidateName(name);
        var client = service.GetBlobContainerClient(container);
        await EnsureContainerAsync(client, cancellationToken).ConfigureAwait(false);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        // Upload with default conditions overwrites: a retried activity replaces its blob.
        await client.GetBlobClient(name).UploadAsync(new BinaryData(content), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]?> GetBytesAsync(string container, string name, CancellationToken cancellationToken)
    {
        StoreNames.ValidateContainer(container);
        StoreNames.ValidateName(name);
        try
        {
            var result = await service.GetBlobContainerClient(container).GetBlobClient(name)
                .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<DateTimeOffset?> GetModifiedAsync(string container, string name, CancellationToken cancellationToken)
    {
        StoreNames.ValidateContainer(container);
        StoreNames.ValidateName(name);
        try
        {
            var properties = await service.GetBlobContainerClient(container).GetBlobClient(name)
                .GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return properties.Value.LastModified;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken)
    {
        StoreNames.ValidateContainer(container);
        StoreNames.ValidateName(name);
        try
        {
            var exists = await service.GetBlobContainerClient(container).GetBlobClient(name)
                .ExistsAsync(cancellationToken).ConfigureAwait(false);
            return exists.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        StoreNames.ValidateContainer(container);
        var names = new List<string>();
        try
        {
            await foreach (var item in service.GetBlobContainerClient(container)
                .GetBlobsAsync(new GetBlobsOptions { Prefix = string.IsNullOrEmpty(prefix) ? null : prefix }, cancellationToken)
                .ConfigureAwait(false))
            {
                names.Add(item.Name);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private Task EnsureContainerAsync(BlobContainerClient client, CancellationToken cancellationToken)
    {
        var lazy = _created.GetOrAdd(client.Name, _ => new Lazy<Task>(() => client.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // Do not cache a failure: the next write tries again.
            _created.TryRemove(client.Name, out _);
        }

        return task;
    }
}
