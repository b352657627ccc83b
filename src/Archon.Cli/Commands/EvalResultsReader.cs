using System.Globalization;
using System.Text.Json;

namespace Archon.Cli.Commands;

/// <summary>Reads the per-item JSONL written by <see cref="EvalResultsWriter"/> (scored items only).</summary>
internal static class EvalResultsReader
{
    public static (string Architecture, Dictionary<string, double> Scores) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--compare: results file '{path}' not found");
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var architecture = Path.GetFileNameWithoutExtension(path);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) { continue; }
            try
            {
                using var doc = JsonDocument.Parse(text);
                var e = doc.RootElement;
                if (e.TryGetProperty("architecture", out var a) && a.GetString() is { } name) { architecture = name; }
                if (e.TryGetProperty("scored", out var s) && s.ValueKind == JsonValueKind.False) { continue; }
                scores[e.GetProperty("item_id").GetString()!] = e.GetProperty("score").GetDouble();
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--compare: {path}:{line}: not an eval result line ({ex.Message})"));
            }
        }

        return (architecture, scores);
    }
}
