using System.Text.RegularExpressions;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;

namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// Splits a code item into what the candidate's interpreter loads and what the checker runs. HumanEval-style items
/// (with a prompt): the candidate loads prompt + completion (a completion that redefines the whole function is placed
/// after the prompt, so the prompt's imports and helpers stay available); the checker runs the prompt's own helpers,
/// the tests and <c>check(entry_point)</c>, as human-eval does. MBPP: the candidate loads the solution; the checker runs
/// the setup code (which may build objects of the solution's classes, task 367) and the asserts.
/// </summary>
public static partial class CodeProgram
{
    public static CodeCheck Check(BenchmarkItem item, string code)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(code);
        var md = item.Metadata;
        var tests = md.GetValueOrDefault(MetadataKeys.Tests) ?? throw new ArgumentException($"Item {item.Id} has no tests.");
        var entry = md.GetValueOrDefault(MetadataKeys.EntryPoint) ?? "";
        if (md.TryGetValue(MetadataKeys.CodePrompt, out var prompt))
        {
            var definesEntry = entry.Length > 0 && Regex.IsMatch(code, $@"(?m)^def\s+{Regex.Escape(entry)}\s*\(");
            var body = definesEntry ? prompt + "\n    pass\n\n" + code : prompt + code;
            return new CodeCheck(body, tests, entry, Prompt: prompt);
        }

        return new CodeCheck(code, tests, entry, Setup: md.GetValueOrDefault(MetadataKeys.TestSetup));
    }

    /// <summary>The check of the item's own reference solution (canonical-solution check).</summary>
    public static CodeCheck CanonicalCheck(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Check(item, item.Reference ?? throw new ArgumentException($"Item {item.Id} has no reference solution."));
    }
}
