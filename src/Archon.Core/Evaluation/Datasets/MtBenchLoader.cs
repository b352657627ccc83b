using System.Text.Json;

namespace Archon.Core.Evaluation.Datasets;

/// <summary>
/// MT-Bench (FastChat format): 80 two-turn questions. GPT-4 reference answers (math, reasoning, coding) are attached:
/// turn 1 in <see cref="BenchmarkItem.Reference"/>, turn 2 in <see cref="MetadataKeys.ReferenceTurn2"/>.
/// </summary>
public static class MtBenchLoader
{
    public const string Name = "mt_bench";

    public static IReadOnlyList<BenchmarkItem> Load(DatasetDirectory dir)
    {
        var path = dir.Require(DatasetFiles.MtBenchQuestions);
        var refsPath = dir.Require(DatasetFiles.MtBenchReferences);
        // The reference answers are in FastChat's model_answer format, read (and checked) like any baseline file.
        var references = MtBenchAnswerFile.Read(refsPath).ToDictionary(kv => kv.Key[(kv.Key.IndexOf('/') + 1)..], kv => kv.Value);

        var items = new List<BenchmarkItem>();
        foreach (var (line, e) in JsonLines.Read(path))
        {
            var qid = e.TryGetProperty("question_id", out var q) ? q.ToString() : throw new DatasetNotFoundException($"{path}:{line}: field 'question_id' missing.");
            var turns = e.TryGetProperty("turns", out var tp) && tp.ValueKind == JsonValueKind.Array
                ? tp.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new DatasetNotFoundException($"{path}:{line}: question {qid}: field 'turns' must hold strings.")).ToList()
                : throw new DatasetNotFoundException($"{path}:{line}: question {qid}: field 'turns' missing or not a list.");
            if (turns.Count != 2)
            {
                throw new DatasetNotFoundException($"{path}:{line}: field 'turns' must hold 2 strings, found {turns.Count}.");
            }

            var metadata = new Dictionary<string, string> { [MetadataKeys.Category] = e.RequireString("category", path, line) };
            references.TryGetValue(qid, out var refTurns);
            if (refTurns is { Count: > 1 })
            {
                metadata[MetadataKeys.ReferenceTurn2] = refTurns[1];
            }

            items.Add(new BenchmarkItem
            {
                Id = $"mt_bench/{qid}",
                Benchmark = Name,
                Family = "chat",
                Turns = turns,
                Reference = refTurns is { Count: > 0 } ? refTurns[0] : null,
                Metadata = metadata,
            });
        }

        return items;
    }
}
