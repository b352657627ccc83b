using System.Globalization;
using System.Text.RegularExpressions;
using Archon.Core.Prompts;

namespace Archon.Offline.Simulation;

/// <summary>
/// Reads the parts of Archon's own prompts (<see cref="PromptTemplates"/>) the simulator reacts to: the numbered
/// candidates with their attached critiques, the single candidate a verifier or unit-test evaluator sees, the number
/// of checks, and the role when no metadata was passed.
/// </summary>
internal static partial class SimPromptReader
{
    public sealed record CandidateView(int Number, string Text, string? Critique);

    public static string InferRole(string system, string allText, string last)
    {
        if (last.Contains(PromptTemplates.VerifierVerdictUser, StringComparison.Ordinal)) { return "verifier"; }
        if (system.Contains(PromptTemplates.RankerSystem, StringComparison.Ordinal)) { return "ranker"; }
        if (system.Contains(PromptTemplates.CriticSystem, StringComparison.Ordinal)) { return "critic"; }
        if (system.Contains(PromptTemplates.FuserSystem, StringComparison.Ordinal)) { return "fuser"; }
        if (system.Contains(PromptTemplates.VerifierSystem, StringComparison.Ordinal)) { return "verifier"; }
        if (system.Contains(PromptTemplates.UnitTestEvaluatorSystem, StringComparison.Ordinal)) { return "unit_test_evaluator"; }
        if (system.Contains(PromptTemplates.UnitTestGeneratorSystem, StringComparison.Ordinal)) { return "unit_test_generator"; }
        var everything = system + "\n" + allText;
        if (everything.Contains("[[rating]]", StringComparison.Ordinal) || everything.Contains("[[A>>B]]", StringComparison.Ordinal)
            || everything.Contains("\"model_identifier\": \"m\"", StringComparison.Ordinal)) { return "judge"; }
        return "generator";
    }

    /// <summary>Candidates listed as "[k]\n text" blocks, each optionally followed by "Critique of [k]:\n text".</summary>
    public static IReadOnlyList<CandidateView> Candidates(string prompt)
    {
        var start = prompt.IndexOf("Candidate responses:\n", StringComparison.Ordinal);
        if (start < 0) { return []; }
        var body = prompt[(start + "Candidate responses:\n".Length)..];
        var end = TailMarker().Match(body);
        if (end.Success) { body = body[..end.Index]; }
        var headers = Header().Matches(body);
        var result = new List<CandidateView>();
        for (var i = 0; i < headers.Count; i++)
        {
            var from = headers[i].Index + headers[i].Length;
            var to = i + 1 < headers.Count ? headers[i + 1].Index : body.Length;
            var block = body[from..to];
            var n = int.Parse(headers[i].Groups["n"].Value, CultureInfo.InvariantCulture);
            var crit = block.IndexOf($"Critique of [{n}]:\n", StringComparison.Ordinal);
            result.Add(crit >= 0
                ? new CandidateView(n, block[..crit].Trim(), block[(crit + $"Critique of [{n}]:\n".Length)..].Trim())
                : new CandidateView(n, block.Trim(), null));
        }

        return result;
    }

    /// <summary>The text between "Candidate response:\n" and the following instruction (verifier, unit-test evaluator).</summary>
    public static string? SingleCandidate(string prompt)
    {
        var start = prompt.IndexOf("Candidate response:\n", StringComparison.Ordinal);
        if (start < 0) { return null; }
        var body = prompt[(start + "Candidate response:\n".Length)..];
        foreach (var marker in new[] { "\n\nCheck the candidate step by step", "\n\nChecks:\n" })
        {
            var i = body.IndexOf(marker, StringComparison.Ordinal);
            if (i >= 0) { return body[..i]; }
        }

        return body;
    }

    public static int CheckCount(string prompt)
    {
        var checks = prompt.IndexOf("\n\nChecks:\n", StringComparison.Ordinal);
        return checks < 0 ? 1 : Math.Max(1, NumberedLine().Count(prompt[checks..]));
    }

    public static int Cap(string prompt)
    {
        var m = AtMost().Match(prompt);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 3;
    }

    public static bool IsFlaggedWrong(string? critique) => critique is not null && critique.Contains("likely wrong", StringComparison.Ordinal);

    [GeneratedRegex(@"(?m)^\[(?<n>\d+)\]\n")]
    private static partial Regex Header();

    [GeneratedRegex(@"\n(?:A correct response must satisfy these checks:|Keep your response about as long|Now write your response|Order all \d+ candidates|Review every candidate)")]
    private static partial Regex TailMarker();

    [GeneratedRegex(@"(?m)^\d+\. ")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"Write at most (\d+) independent checks")]
    private static partial Regex AtMost();
}
