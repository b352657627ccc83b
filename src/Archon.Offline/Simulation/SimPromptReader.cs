using System.Globalization;
using System.Text.RegularExpressions;
using Archon.Core.Prompts;

namespace Archon.Offline.Simulation;

/// <summary>
/// Reads the parts of Archon's default prompt pack (<see cref="PromptPack.Default"/>) the simulator reacts to: the
/// numbered candidates with their attached critiques, the single candidate a verifier or unit-test evaluator sees,
/// the number of unit tests, and the role when no metadata was passed. A custom pack needs role metadata
/// (<c>archon.role</c>), which the engine always sends.
/// </summary>
internal static partial class SimPromptReader
{
    public sealed record CandidateView(int Number, string Text, string? Critique);

    private const string CritiqueMarker = "\n\nCritique:\n";

    public static string InferRole(string system, string allText, string last)
    {
        var pack = PromptPack.Default;
        bool Is(string stage) => system.Contains(pack.Text(stage), StringComparison.Ordinal);
        if (Is(PromptStages.VerifierVerdictSystem)) { return "verifier-verdict"; }
        if (Is(PromptStages.RankerSystem)) { return "ranker"; }
        if (Is(PromptStages.CriticSystem)) { return "critic"; }
        if (Is(PromptStages.FuserSystem)) { return "fuser"; }
        if (Is(PromptStages.VerifierReasoningSystem)) { return "verifier"; }
        if (Is(PromptStages.UnitTestEvaluatorSystem)) { return "unit_test_evaluator"; }
        if (Is(PromptStages.UnitTestGeneratorSystem)) { return "unit_test_generator"; }
        var everything = system + "\n" + allText;
        if (everything.Contains("[[rating]]", StringComparison.Ordinal) || everything.Contains("[[A>>B]]", StringComparison.Ordinal)
            || everything.Contains("\"model_identifier\": \"m\"", StringComparison.Ordinal)) { return "judge"; }
        return "generator";
    }

    /// <summary>Candidates listed as "[k] text" blocks numbered 1, 2, ... each optionally followed by "Critique:\n text".</summary>
    public static IReadOnlyList<CandidateView> Candidates(string prompt)
    {
        var first = FirstHeader().Match(prompt);
        if (!first.Success) { return []; }
        var body = prompt[first.Index..];
        var tail = body.LastIndexOf("\n\nInstruction: ", StringComparison.Ordinal);
        if (tail > 0) { body = body[..tail]; }

        // Only headers numbered in sequence count: a "[3] " inside a candidate's own text is not a header.
        var headers = new List<Match>();
        foreach (Match m in Header().Matches(body))
        {
            if (int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) == headers.Count + 1) { headers.Add(m); }
        }

        var result = new List<CandidateView>();
        for (var i = 0; i < headers.Count; i++)
        {
            var from = headers[i].Index + headers[i].Length;
            var to = i + 1 < headers.Count ? headers[i + 1].Index : body.Length;
            var block = body[from..to];
            var crit = block.IndexOf(CritiqueMarker, StringComparison.Ordinal);
            result.Add(crit >= 0
                ? new CandidateView(i + 1, block[..crit].Trim(), block[(crit + CritiqueMarker.Length)..].Trim())
                : new CandidateView(i + 1, block.Trim(), null));
        }

        return result;
    }

    /// <summary>The one candidate a verifier stage or a unit-test evaluator is shown.</summary>
    public static string? SingleCandidate(string prompt)
    {
        foreach (var (start, ends) in new[]
                 {
                     ("Candidate Response: ", new[] { "\n\nUnit Tests:\n" }),
                     ("Response: ", new[] { "\nReasoning: ", "\n\nInstruction: " }),
                 })
        {
            var at = prompt.IndexOf(start, StringComparison.Ordinal);
            if (at < 0) { continue; }
            var body = prompt[(at + start.Length)..];
            foreach (var end in ends)
            {
                var i = body.IndexOf(end, StringComparison.Ordinal);
                if (i >= 0) { return body[..i]; }
            }

            return body;
        }

        return null;
    }

    public static int CheckCount(string prompt)
    {
        var tests = prompt.IndexOf("Unit Tests:\n", StringComparison.Ordinal);
        return tests < 0 ? 1 : Math.Max(1, TestLine().Count(prompt[tests..]));
    }

    public static int Cap(string prompt)
    {
        var m = Exactly().Match(prompt);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 3;
    }

    public static bool IsFlaggedWrong(string? critique) => critique is not null && critique.Contains("likely wrong", StringComparison.Ordinal);

    [GeneratedRegex(@"(?m)^\[1\] ")]
    private static partial Regex FirstHeader();

    [GeneratedRegex(@"(?m)^\[(?<n>\d+)\] ")]
    private static partial Regex Header();

    [GeneratedRegex(@"(?m)^Unit Test #\d+: ")]
    private static partial Regex TestLine();

    [GeneratedRegex(@"Write exactly (\d+) unit tests")]
    private static partial Regex Exactly();
}
