using System.Text.Json;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.MixEval;

namespace Archon.Offline.Simulation;

/// <summary>
/// MixEval items in the simulator. Multiple-choice answers are option letters (distractors: the other letters);
/// free-form answers are the first gold answer or one of three shared non-answers. The SIMULATED model parser reads a
/// response with upstream's rule parser (so it is as good as that parser, not as a real LLM judge).
/// </summary>
internal static class SimMixEval
{
    private static readonly string[] NonAnswers = ["not enough information to say", "none of the above", "it cannot be determined"];

    public static (string, string[]) ChoiceValues(BenchmarkItem item)
    {
        var options = Options(item);
        var right = item.Reference ?? "A";
        var others = Enumerable.Range(0, options.Count).Select(i => MixEvalPromptBuilder.Letter(i).ToString()).Where(l => l != right).Take(3).ToArray();
        return (right, others);
    }

    public static (string, string[]) TextValues(BenchmarkItem item) => (item.Reference ?? "", NonAnswers);

    public static string? ValueOf(SimAnswerKey key, string text)
    {
        if (key.Kind == SimAnswerKind.Choice)
        {
            var (letter, found) = MixEvalRuleParser.ParseChoice(text, Options(key.Item), 0);
            return found ? letter.ToString() : null;
        }

        var predictions = MixEvalRuleParser.ParseFreeForm(text);
        if (MixEvalRuleParser.FreeFormCorrect(Gold(key.Item), predictions)) { return key.Correct; }
        var lower = text.ToLowerInvariant();
        return NonAnswers.FirstOrDefault(n => lower.Contains(n, StringComparison.Ordinal)) ?? predictions.OfType<string>().FirstOrDefault();
    }

    /// <summary>The response a MixEval parser prompt asks about: after the last "Model's Answer:", before "Your Judgment:".</summary>
    public static string? JudgedResponse(string prompt)
    {
        var at = prompt.LastIndexOf("Model's Answer:", StringComparison.Ordinal);
        if (at < 0) { return null; }
        var body = prompt[(at + "Model's Answer:".Length)..];
        var end = body.LastIndexOf("Your Judgment:", StringComparison.Ordinal);
        return (end >= 0 ? body[..end] : body).Trim();
    }

    public static string ParserVerdict(SimCall call, SimAnswerKey key, string response)
    {
        var value = key.ValueOf(response);
        if (key.Kind == SimAnswerKind.Choice)
        {
            var letter = value ?? MixEvalPromptBuilder.Letter((int)(call.U("mixeval-parse") * Options(key.Item).Count)).ToString();
            return $"[SIMULATED judge] The response points to option {letter}. The option chosen by the model: [[{letter}]]";
        }

        var score = value == key.Correct ? "1.0" : "0.0";
        return $"[SIMULATED judge] Compared with the golden answers. The correctness score: [[{score}]]";
    }

    private static List<string> Options(BenchmarkItem item) =>
        JsonSerializer.Deserialize<List<string>>(item.Metadata.GetValueOrDefault(MetadataKeys.Options) ?? "[]") ?? [];

    private static List<string> Gold(BenchmarkItem item) =>
        JsonSerializer.Deserialize<List<string>>(item.Metadata.GetValueOrDefault(MetadataKeys.Targets) ?? "[]") ?? [];
}
