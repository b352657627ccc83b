using System.Text.Json;

namespace Archon.Core.Evaluation.Datasets;

/// <summary>
/// Model answers in FastChat's <c>model_answer/*.jsonl</c> format (<c>question_id</c>, <c>model_id</c>,
/// <c>choices[0].turns</c>): the baseline of MT-Bench pairwise grading, and what <c>archon eval --save-answers</c> writes.
/// Keys are item ids (<c>mt_bench/81</c>).
/// </summary>
public static class MtBenchAnswerFile
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetNotFoundException($"Baseline answer file '{Path.GetFullPath(path)}' not found (FastChat model_answer JSONL; `archon eval --save-answers FILE` writes one).");
        }

        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (line, e) in JsonLines.Read(path))
        {
            if (!e.TryGetProperty("question_id", out var q) || q.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
            {
                throw new DatasetNotFoundException($"{path}:{line}: field 'question_id' missing.");
            }

            if (!e.TryGetProperty("choices", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() == 0
                || !c[0].TryGetProperty("turns", out var t) || t.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetNotFoundException($"{path}:{line}: question {q}: field 'choices[0].turns' missing or not a list.");
            }

            answers[$"{MtBenchLoader.Name}/{q}"] = t.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()!
                : throw new DatasetNotFoundException($"{path}:{line}: question {q}: 'choices[0].turns' must hold strings.")).ToList();
        }

        return answers;
    }

    public static void Write(string path, string modelId, IEnumerable<(string ItemId, IReadOnlyList<string?> Answers)> items)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) { Directory.CreateDirectory(dir); }
        using var writer = new StreamWriter(path);
        foreach (var (id, turns) in items)
        {
            var qid = id[(id.LastIndexOf('/') + 1)..];
            object question = int.TryParse(qid, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : qid;
            writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["question_id"] = question,
                ["model_id"] = modelId,
                ["choices"] = new[] { new Dictionary<string, object> { ["index"] = 0, ["turns"] = turns.Select(a => a ?? "").ToList() } },
            }));
        }
    }
}
