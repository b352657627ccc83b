using System.Text.Json;
using Archon.Core.Evaluation.Datasets;

namespace Archon.Core.Evaluation.MixEval;

/// <summary>
/// MixEval / MixEval-Hard (2024-06-01, the version the Archon paper reports): <c>free-form.json</c> then
/// <c>multiple-choice.json</c>, each one JSON object keyed by the upstream item index (items interleaved). The model input is built with
/// upstream's rule (<see cref="MixEvalPromptBuilder"/>) from the instruction strings in <c>prompts.json</c>.
/// Free-form references are the first acceptable answer; multiple-choice references are the right option letter.
/// </summary>
public static class MixEvalLoader
{
    public const string Name = "mixeval";
    public const string HardName = "mixeval_hard";
    public const string FreeForm = "free-form";
    public const string MultipleChoice = "multiple-choice";

    public static IReadOnlyList<BenchmarkItem> Load(DatasetDirectory dir, bool hard)
    {
        var prompts = MixEvalPromptFile.Load(dir);
        var benchmark = hard ? HardName : Name;
        var bySplit = new List<List<BenchmarkItem>>();
        foreach (var split in new[] { FreeForm, MultipleChoice })
        {
            var items = new List<BenchmarkItem>();
            bySplit.Add(items);
            var path = dir.Require(DatasetFiles.MixEval(hard, split));
            using var doc = Parse(path);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetNotFoundException($"{path}: expected one JSON object keyed by item index.");
            }

            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                items.Add(Item(benchmark, split, path, entry.Name, entry.Value, prompts));
            }
        }

        // Interleaved (free-form 1, multiple-choice 1, free-form 2, …) so that a --limit or a seeded split keeps both
        // files represented; the order has no effect on the scores.
        var all = new List<BenchmarkItem>();
        for (var i = 0; i < bySplit.Max(s => s.Count); i++)
        {
            all.AddRange(bySplit.Where(s => i < s.Count).Select(s => s[i]));
        }

        return all;
    }

    private static BenchmarkItem Item(string benchmark, string split, string path, string key, JsonElement e, MixEvalPromptFile prompts)
    {
        string Where(string field) => $"{path}: item '{key}': field '{field}'";
        var type = e.TryGetProperty("problem_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : throw Bad(Where("problem_type") + " missing or not a string.");
        if (type != split)
        {
            throw Bad($"{Where("problem_type")} is '{type}' in the {split} file.");
        }

        var prompt = e.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : throw Bad(Where("prompt") + " missing or not a string.");
        var source = e.TryGetProperty("benchmark_name", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : throw Bad(Where("benchmark_name") + " missing or not a string.");
        var context = e.TryGetProperty("context", out var c) ? c.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => c.GetString(),
            _ => throw Bad(Where("context") + " must be null or a string."),
        } : null;
        if (!e.TryGetProperty("target", out var target) || target.ValueKind != JsonValueKind.Array || target.GetArrayLength() == 0)
        {
            throw Bad(Where("target") + " missing or not a non-empty list.");
        }

        var metadata = new Dictionary<string, string>
        {
            [MetadataKeys.ProblemType] = split,
            [MetadataKeys.Source] = source,
            [MetadataKeys.RawPrompt] = prompt,
        };
        string reference, input;
        if (split == FreeForm)
        {
            var answers = target.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : throw Bad(Where("target") + " must hold strings.")).ToList();
            metadata[MetadataKeys.Targets] = JsonSerializer.Serialize(answers);
            reference = answers[0];
            input = MixEvalPromptBuilder.FreeForm(prompt, context, source, prompts);
        }
        else
        {
            if (!e.TryGetProperty("options", out var o) || o.ValueKind != JsonValueKind.Array || o.GetArrayLength() < 2)
            {
                throw Bad(Where("options") + " missing or not a list of at least 2 strings.");
            }

            var options = o.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : throw Bad(Where("options") + " must hold strings.")).ToList();
            if (target.GetArrayLength() != 1 || target[0].ValueKind != JsonValueKind.Number || !target[0].TryGetInt32(out var index) || index < 0 || index >= options.Count)
            {
                throw Bad($"{Where("target")} must be a list with one option index in 0..{options.Count - 1}.");
            }

            metadata[MetadataKeys.Options] = JsonSerializer.Serialize(options);
            metadata[MetadataKeys.Targets] = JsonSerializer.Serialize(new[] { index });
            reference = MixEvalPromptBuilder.Letter(index).ToString();
            input = MixEvalPromptBuilder.MultipleChoice(prompt, context, options, prompts);
        }

        return new BenchmarkItem
        {
            Id = $"{benchmark}/{split}/{key}",
            Benchmark = benchmark,
            Family = "mixeval",
            Turns = [input],
            Reference = reference,
            Metadata = metadata,
        };
    }

    private static JsonDocument Parse(string path)
    {
        try { return JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw Bad($"{path}: not valid JSON ({ex.Message})."); }
    }

    private static DatasetNotFoundException Bad(string message) => new(message);
}
