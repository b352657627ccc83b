using System.Text.Json;

namespace Archon.Core.Search.Execution;

/// <summary>One serializer setting for everything the search stores (cache entries, candidate results, leaderboards).</summary>
public static class SearchJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static JsonSerializerOptions Indented { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static byte[] ToBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T? FromBytes<T>(byte[]? bytes) => bytes is null ? default : JsonSerializer.Deserialize<T>(bytes, Options);
}
