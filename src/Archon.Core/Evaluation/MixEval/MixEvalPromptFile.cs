using System.Text.Json;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Judging;

namespace Archon.Core.Evaluation.MixEval;

/// <summary>
/// <c>mixeval/prompts.json</c>: upstream's instruction strings (<c>evaluation_prompts</c>) and model-parser prompts
/// (<c>judge_prompts</c>, system + user with <c>{placeholder}</c> markers). Read at run time, never copied into code.
/// </summary>
public sealed record MixEvalPromptFile(IReadOnlyDictionary<string, string> Instructions, JudgePrompt FreeFormJudge, JudgePrompt MultipleChoiceJudge)
{
    public const string FreeFormJudgeName = "gpt_judge_for_closeended_freeform";
    public const string MultipleChoiceJudgeName = "gpt_judge_for_closeended_multiplechoice";

    public static MixEvalPromptFile Load(DatasetDirectory dir)
    {
        var path = dir.Require(DatasetFiles.MixEvalPrompts);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new DatasetNotFoundException($"{path}: not valid JSON ({ex.Message})."); }

        using (doc)
        {
            var root = doc.RootElement;
            var instructions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in Object(root, "evaluation_prompts", path).EnumerateObject())
            {
                instructions[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()!
                    : throw new DatasetNotFoundException($"{path}: evaluation_prompts.{p.Name} must be a string.");
            }

            var judges = Object(root, "judge_prompts", path);
            return new MixEvalPromptFile(instructions, Judge(judges, FreeFormJudgeName, path), Judge(judges, MultipleChoiceJudgeName, path));
        }
    }

    /// <summary>An instruction string by its upstream constant name; a missing one names the file and the key.</summary>
    public string Instruction(string name) =>
        Instructions.TryGetValue(name, out var v) ? v : throw new DatasetNotFoundException($"{DatasetFiles.MixEvalPrompts.RelativePath}: evaluation_prompts.{name} missing.");

    private static JsonElement Object(JsonElement e, string field, string path) =>
        e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Object ? v
        : throw new DatasetNotFoundException($"{path}: field '{field}' missing or not an object.");

    private static JudgePrompt Judge(JsonElement judges, string name, string path)
    {
        var j = Object(judges, name, path);
        if (!j.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            throw new DatasetNotFoundException($"{path}: judge_prompts.{name}.messages missing or not a list.");
        }

        string? system = null, user = null;
        foreach (var m in messages.EnumerateArray())
        {
            var role = m.TryGetProperty("role", out var r) ? r.GetString() : null;
            var content = m.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()
                : throw new DatasetNotFoundException($"{path}: judge_prompts.{name}.messages[].content missing or not a string.");
            if (role == "system") { system = content; }
            else if (role == "user") { user = content; }
        }

        return new JudgePrompt(name, system ?? "", user ?? throw new DatasetNotFoundException($"{path}: judge_prompts.{name} has no user message."), "[[...]]");
    }
}
