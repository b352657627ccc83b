using System.Text.RegularExpressions;
using Archon.Core.Evaluation.Datasets;

namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// Assembles the program a code item is judged by. HumanEval-style items (with a prompt): prompt + completion +
/// tests + <c>check(entry_point)</c>, as human-eval does; a completion that redefines the whole function is placed after
/// the prompt (so the prompt's imports and helpers stay available). MBPP: solution + setup code + the asserts.
/// </summary>
public static class CodeProgram
{
    public static string Build(BenchmarkItem item, string code)
    {
        var md = item.Metadata;
        var tests = md.GetValueOrDefault(MetadataKeys.Tests) ?? throw new ArgumentException($"Item {item.Id} has no tests.");
        var entry = md.GetValueOrDefault(MetadataKeys.EntryPoint) ?? "";
        if (md.TryGetValue(MetadataKeys.CodePrompt, out var prompt))
        {
            var definesEntry = entry.Length > 0 && Regex.IsMatch(code, $@"(?m)^def\s+{Regex.Escape(entry)}\s*\(");
            var body = definesEntry ? prompt + "\n    pass\n\n" + code : prompt + code;
            return body + "\n\n" + tests + $"\n\ncheck({entry})\n";
        }

        // MBPP's setup code may use names the solution defines (task 367 builds a tree of the solution's Node class),
        // so it runs after the solution and before the asserts.
        var setup = md.GetValueOrDefault(MetadataKeys.TestSetup) ?? "";
        return code + "\n\n" + setup + "\n" + tests + "\n";
    }

    /// <summary>The program for the item's own reference solution (canonical-solution check).</summary>
    public static string BuildCanonical(BenchmarkItem item) =>
        Build(item, item.Reference ?? throw new ArgumentException($"Item {item.Id} has no reference solution."));
}
