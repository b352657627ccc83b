using System.Globalization;
using System.Text.RegularExpressions;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;

namespace Archon.Offline.Simulation;

/// <summary>
/// What the simulator knows about one item: the correct answer value, three shared distractors (the same wrong answers
/// for every model, so errors correlate across the fleet), and how to read a value back out of any response text.
/// Values are final numbers (builtin-math, GSM8K), LaTeX answers (MATH) or whole programs (code families).
/// </summary>
public sealed partial class SimAnswerKey
{
    public SimAnswerKey(BenchmarkItem item)
    {
        Item = item;
        Kind = item.Family switch
        {
            "code" or "builtin-code" or "code_contests" => SimAnswerKind.Code,
            "mixeval" when item.Metadata.GetValueOrDefault(MetadataKeys.ProblemType) == Archon.Core.Evaluation.MixEval.MixEvalLoader.MultipleChoice => SimAnswerKind.Choice,
            "mixeval" => SimAnswerKind.Text,
            "math" when item.Benchmark == Math500Loader.Name => SimAnswerKind.Latex,
            "math" or "builtin-math" => SimAnswerKind.Number,
            _ => SimAnswerKind.None,
        };
        (Correct, Distractors) = Kind switch
        {
            SimAnswerKind.Number => NumberValues(item),
            SimAnswerKind.Latex => LatexValues(item),
            SimAnswerKind.Code => CodeValues(item),
            SimAnswerKind.Choice => SimMixEval.ChoiceValues(item),
            SimAnswerKind.Text => SimMixEval.TextValues(item),
            _ => ("", Array.Empty<string>()),
        };
        // Difficulty is a property of the item, shared by all models: another source of correlated errors.
        var u = SimRandom.Uniform(0, "difficulty", item.Id, item.Turns[0]);
        Difficulty = item.Metadata.TryGetValue(MetadataKeys.Level, out var lv) && int.TryParse(lv, CultureInfo.InvariantCulture, out var level)
            ? Math.Clamp(0.12 * level + 0.3 * (u - 0.5), 0, 1)
            : u;
    }

    public BenchmarkItem Item { get; }
    public SimAnswerKind Kind { get; }
    public string Correct { get; }
    public IReadOnlyList<string> Distractors { get; }
    public double Difficulty { get; }

    /// <summary>The value a response commits to (normalised for grouping), or null.</summary>
    public string? ValueOf(string text) => Kind switch
    {
        SimAnswerKind.Number => Gsm8kAnswerExtractor.Extract(text)?.ToString(CultureInfo.InvariantCulture),
        SimAnswerKind.Latex => MathAnswerExtractor.Extract(text) is { } a ? MathNormalizer.Normalize(a) : null,
        SimAnswerKind.Code => NormaliseCode(CodeExtractor.Extract(text, Item.Metadata.GetValueOrDefault(MetadataKeys.EntryPoint))),
        SimAnswerKind.Choice or SimAnswerKind.Text => SimMixEval.ValueOf(this, text),
        _ => null,
    };

    /// <summary>True/false when the key can tell; null for values it has never seen (unknown code).</summary>
    public bool? IsCorrect(string? value)
    {
        if (value is null) { return false; }
        return Kind switch
        {
            SimAnswerKind.Number => value == Correct,
            SimAnswerKind.Latex => MathEquivalence.AreEquivalent(value, Correct),
            SimAnswerKind.Code => value == NormaliseCode(Correct) ? true : Distractors.Any(d => NormaliseCode(d) == value) ? false : null,
            SimAnswerKind.Choice or SimAnswerKind.Text => value == Correct,
            _ => null,
        };
    }

    private static (string, string[]) NumberValues(BenchmarkItem item)
    {
        var r = Gsm8kAnswerExtractor.ParseNumber(item.Reference ?? "0") ?? 0m;
        var h = SimRandom.Hash(1, "distractor", item.Id);
        var step = 1 + (int)(h % 9);
        var candidates = new[] { r + step, r - (1 + (int)((h >> 8) % 5)), r == 0 ? 12 : r * 2, r + 10, r - 10, r + 17 };
        var distinct = candidates.Where(c => c != r).Distinct().Take(3).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        return (r.ToString(CultureInfo.InvariantCulture), distinct);
    }

    private static (string, string[]) LatexValues(BenchmarkItem item)
    {
        var s = item.Reference ?? "";
        // Always different from s: s+1 and s−1 differ numerically and textually; −(s)−1 equals s only for s = −½,
        // which starts with '-' and takes the other branch.
        var d = new[] { s + "+1", s + "-1", s.StartsWith('-') ? s[1..] + "+2" : "-(" + s + ")-1" };
        return (s, d);
    }

    private static (string, string[]) CodeValues(BenchmarkItem item)
    {
        var md = item.Metadata;
        var entry = md.GetValueOrDefault(MetadataKeys.EntryPoint) ?? "solution";
        var full = md.TryGetValue(MetadataKeys.CodePrompt, out var prompt) ? prompt + item.Reference : item.Reference ?? "";
        string stub = md.TryGetValue(MetadataKeys.CodePrompt, out var p2) ? p2 + "    return None\n" : $"def {entry}(*args):\n    return None\n";
        // Mutate the solution, never the prompt's docstring (a swapped operator there would change nothing).
        var mutated = md.TryGetValue(MetadataKeys.CodePrompt, out var p3) ? p3 + Mutate(item.Reference ?? "") : Mutate(full);
        var lastReturn = LastReturn().Matches(full);
        var negated = lastReturn.Count > 0
            ? full[..lastReturn[^1].Index] + lastReturn[^1].Groups["ind"].Value + "return not (" + lastReturn[^1].Groups["e"].Value.Trim() + ")" + full[(lastReturn[^1].Index + lastReturn[^1].Length)..]
            : full + "\nraise ValueError('unsupported input')\n";
        return (full, [stub, mutated, negated]);
    }

    /// <summary>A typical slip: the first comparison or arithmetic operator swapped (off-by-one style).</summary>
    private static string Mutate(string code)
    {
        foreach (var (from, to) in new[] { (" <= ", " < "), (" < ", " <= "), (" >= ", " > "), (" > ", " >= "), (" + 1", ""), (" - 1", ""), (" == ", " != "), ("+", "-") })
        {
            var i = code.IndexOf(from, StringComparison.Ordinal);
            if (i >= 0) { return code[..i] + to + code[(i + from.Length)..]; }
        }

        return code + "\nraise ValueError('unsupported input')\n";
    }

    private static string NormaliseCode(string code) => Regex.Replace(code.Replace("\r", "", StringComparison.Ordinal), @"\s+\n", "\n").Trim();

    [GeneratedRegex(@"(?m)^(?<ind>[ \t]*)return (?<e>[^\n]+)$")]
    private static partial Regex LastReturn();
}
