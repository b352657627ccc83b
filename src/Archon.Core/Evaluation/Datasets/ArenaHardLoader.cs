using System.Text.Json;

namespace Archon.Core.Evaluation.Datasets;

/// <summary>
/// Arena-Hard-Auto questions with the baseline model's answer as <see cref="BenchmarkItem.Reference"/>.
/// v0.1: 500 prompts vs gpt-4-0314. v2.0: 750 prompts vs o3-mini; the creative-writing baseline (gemini-2.0-flash)
/// is not part of the offline copy, so those items carry no reference and the judge scorer reports them as unscored.
/// </summary>
public static class ArenaHardLoader
{
    public const string V01 = "arena_hard_v0.1";
    public const string V20 = "arena_hard_v2.0";

    public static IReadOnlyList<BenchmarkItem> Load(DatasetDirectory dir, string version)
    {
        var (questions, baseline) = version switch
        {
            V01 => (DatasetFiles.ArenaHardV01Questions, DatasetFiles.ArenaHardV01Baseline),
            V20 => (DatasetFiles.ArenaHardV20Questions, DatasetFiles.ArenaHardV20Baseline),
            _ => throw new ArgumentException($"Unknown Arena-Hard version '{version}' (expected {V01} or {V20})."),
        };
        var qPath = dir.Require(questions);
        var bPath = dir.Require(baseline);
        var answers = new Dictionary<string, (string Model, string Text)>();
        foreach (var (line, e) in JsonLines.Read(bPath))
        {
            var uid = e.RequireString("uid", bPath, line);
            var assistant = e.TryGetProperty("messages", out var msgs) && msgs.ValueKind == JsonValueKind.Array
                ? msgs.EnumerateArray().LastOrDefault(m => m.TryGetProperty("role", out var role) && role.GetString() == "assistant")
                : throw new DatasetNotFoundException($"{bPath}:{line}: field 'messages' missing or not a list.");
            if (assistant.ValueKind == System.Text.Json.JsonValueKind.Undefined)
            {
                throw new DatasetNotFoundException($"{bPath}:{line}: no assistant message.");
            }

            answers[uid] = (e.RequireString("model", bPath, line), JsonLines.ContentText(assistant.TryGetProperty("content", out var content) ? content
                : throw new DatasetNotFoundException($"{bPath}:{line}: the assistant message has no field 'content'.")));
        }

        var items = new List<BenchmarkItem>();
        foreach (var (line, e) in JsonLines.Read(qPath))
        {
            var uid = e.RequireString("uid", qPath, line);
            var category = e.RequireString("category", qPath, line);
            var metadata = new Dictionary<string, string>
            {
                [MetadataKeys.Category] = category,
                [MetadataKeys.JudgeGroup] = version == V01 ? "arena-hard-v0.1" : category,
                [MetadataKeys.Subcategory] = e.OptionalString("subcategory") ?? e.OptionalString("cluster") ?? "",
            };
            string? reference = null;
            if (answers.TryGetValue(uid, out var ans))
            {
                reference = ans.Text;
                metadata[MetadataKeys.BaselineModel] = ans.Model;
            }

            items.Add(new BenchmarkItem
            {
                Id = $"{version}/{uid}",
                Benchmark = version,
                Family = "chat",
                Turns = [e.RequireString("prompt", qPath, line)],
                Reference = reference,
                Metadata = metadata,
            });
        }

        return items;
    }
}
