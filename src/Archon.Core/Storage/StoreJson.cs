using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archon.Core.Storage;

/// <summary>JSON helpers over <see cref="IResultStore"/>; one serializer setting for every stored document.</summary>
public static class StoreJson
{
    /// <summary>camelCase, enums as strings, nulls omitted: readable blobs that other tools can consume.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Task PutJsonAsync<T>(this IResultStore store, BlobRef target, T value, CancellationToken cancellationToken) =>
        store.PutBytesAsync(target.Container, target.Name, JsonSerializer.SerializeToUtf8Bytes(value, Options), "application/json", cancellationToken);

    public static async Task<T?> GetJsonAsync<T>(this IResultStore store, BlobRef source, CancellationToken cancellationToken)
    {
        var bytes = await store.GetBytesAsync(source.Container, source.Name, cancellationToken).ConfigureAwait(false);
        return bytes is null ? default : JsonSerializer.Deserialize<T>(bytes, Options);
    }

    public static Task<bool> ExistsAsync(this IResultStore store, BlobRef target, CancellationToken cancellationToken) =>
        store.ExistsAsync(target.Container, target.Name, cancellationToken);
}
