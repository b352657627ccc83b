using System.IO.Compression;
using System.Text.Json;

namespace Archon.Core.Evaluation.Datasets;

/// <summary>Reads JSON Lines files (optionally gzip-compressed) into <see cref="JsonElement"/>s with file/line errors.</summary>
internal static class JsonLines
{
    public static IEnumerable<(int Line, JsonElement Value)> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var decoded = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(stream, CompressionMode.Decompress)
            : (Stream)stream;
        using var reader = new StreamReader(decoded);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement value;
            try
            {
                using var doc = JsonDocument.Parse(line);
                value = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new DatasetNotFoundException($"{path}:{lineNumber}: not valid JSON ({ex.Message}).");
            }

            yield return (lineNumber, value);
        }
    }

    public static string RequireString(this JsonElement e, string field, string path, int line) =>
        e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new DatasetNotFoundException($"{path}:{line}: field '{field}' missing or not a string.");

    public static string? OptionalString(this JsonElement e, string field) =>
        e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Arena-Hard answers store content either as a string or as {"answer": "..."}.</summary>
    public static string ContentText(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Object when content.TryGetProperty("answer", out var a) && a.ValueKind == JsonValueKind.String => a.GetString()!,
        _ => content.ToString(),
    };
}
