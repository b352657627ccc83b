using System.Globalization;
using System.Text;
using Archon.Core.Execution;

namespace Archon.Core.Prompts;

/// <summary>
/// Every instruction text Archon sends to a model, in one place. Bump <see cref="Version"/> whenever a text changes:
/// it is part of cached responses' provenance and of benchmark reports.
/// </summary>
public static class PromptTemplates
{
    public const string Version = "archon-net-prompts/1";

    public const string GeneratorSystem =
        "You are a careful, knowledgeable assistant. Answer the user's request directly, correctly and completely.";

    public const string FuserSystem =
        "You will see a user's request and several candidate responses written by other assistants. " +
        "Write a single response of your own that keeps what the candidates got right, repairs what they got wrong " +
        "and drops anything unsupported. Answer the request itself: do not mention the candidates or that you combined them.";

    public const string RankerSystem =
        "You judge candidate responses to a user's request and order them from best to worst, " +
        "weighing correctness first, then helpfulness, completeness and clarity.";

    public const string CriticSystem =
        "You review candidate responses to a user's request. For every candidate, say concretely what it does well " +
        "and what it gets wrong or leaves out.";

    public const string VerifierSystem =
        "You check whether one candidate response to a user's request is correct.";

    public const string UnitTestGeneratorSystem =
        "You write acceptance checks: short statements in plain language that any correct response to a request must satisfy.";

    public const string UnitTestEvaluatorSystem =
        "You decide, check by check, whether a candidate response to a request satisfies each acceptance check.";

    public static string FuserUser(string query, IReadOnlyList<Candidate> candidates, bool includeCritiques, int? maxWords, IReadOnlyList<string> unitTests)
    {
        var sb = new StringBuilder();
        sb.Append("Request:\n").Append(query).Append("\n\nCandidate responses:\n");
        AppendCandidates(sb, candidates, includeCritiques);
        AppendUnitTests(sb, unitTests);
        if (maxWords is { } words)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Keep your response about as long as a typical candidate: no more than {words} words.\n\n");
        }

        sb.Append("Now write your response to the request.");
        return sb.ToString();
    }

    public static string RankerUser(string query, IReadOnlyList<Candidate> candidates, bool includeCritiques)
    {
        var sb = new StringBuilder();
        sb.Append("Request:\n").Append(query).Append("\n\nCandidate responses:\n");
        AppendCandidates(sb, candidates, includeCritiques);
        sb.Append(CultureInfo.InvariantCulture, $"Order all {candidates.Count} candidates from best to worst. ")
          .Append("You may think first, but end with one line that lists every candidate number exactly once, best first, ")
          .Append("in this form: [2] > [1] > [3]");
        return sb.ToString();
    }

    public static string CriticUser(string query, IReadOnlyList<Candidate> candidates)
    {
        var sb = new StringBuilder();
        sb.Append("Request:\n").Append(query).Append("\n\nCandidate responses:\n");
        AppendCandidates(sb, candidates, includeCritiques: false);
        sb.Append("Review every candidate, in order, using exactly this layout for each one:\n")
          .Append("[1]\nStrengths:\n- ...\nWeaknesses:\n- ...\n\n[2]\nStrengths:\n- ...\nWeaknesses:\n- ...");
        return sb.ToString();
    }

    public static string VerifierReasoningUser(string query, Candidate candidate) =>
        $"Request:\n{query}\n\nCandidate response:\n{candidate.Text}\n\n" +
        "Check the candidate step by step: are its facts, its reasoning and its final answer right, and does it do what was asked? " +
        "Explain what you find. Do not give a verdict yet.";

    public const string VerifierVerdictUser =
        "Given your analysis, is the candidate response correct? Reply with exactly [[Correct]] or [[Incorrect]].";

    public static string UnitTestGeneratorUser(string query, int cap) =>
        $"Request:\n{query}\n\nWrite at most {cap} independent checks that a correct response to this request must pass. " +
        "Each check must be decidable by reading the response. Reply with a numbered list, one check per line, and nothing else.";

    public static string UnitTestEvaluatorUser(string query, Candidate candidate, IReadOnlyList<string> tests)
    {
        var sb = new StringBuilder();
        sb.Append("Request:\n").Append(query).Append("\n\nCandidate response:\n").Append(candidate.Text).Append("\n\nChecks:\n");
        for (var i = 0; i < tests.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {tests[i]}\n");
        }

        sb.Append("\nFor each check decide whether the candidate passes it. Reply with one line per check, in order, ")
          .Append("in the form `1: PASS` or `1: FAIL`, and nothing else.");
        return sb.ToString();
    }

    /// <summary>Appended to the request (generators) when unit tests were written before generation.</summary>
    public static string GeneratorUnitTestHint(IReadOnlyList<string> tests)
    {
        var sb = new StringBuilder("\n\nYour response will be checked against these requirements:\n");
        for (var i = 0; i < tests.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {tests[i]}\n");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Sent after a reply that could not be read, before a bounded retry.</summary>
    public static string FormatRetryUser(string problem) =>
        $"Your previous reply could not be read: {problem}. Reply again, following the requested format exactly.";

    private static void AppendCandidates(StringBuilder sb, IReadOnlyList<Candidate> candidates, bool includeCritiques)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"[{i + 1}]\n").Append(candidates[i].Text.Trim()).Append("\n\n");
            if (includeCritiques && candidates[i].Critique is { Length: > 0 } critique)
            {
                sb.Append(CultureInfo.InvariantCulture, $"Critique of [{i + 1}]:\n").Append(critique.Trim()).Append("\n\n");
            }
        }
    }

    private static void AppendUnitTests(StringBuilder sb, IReadOnlyList<string> tests)
    {
        if (tests.Count == 0)
        {
            return;
        }

        sb.Append("A correct response must satisfy these checks:\n");
        for (var i = 0; i < tests.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {tests[i]}\n");
        }

        sb.Append('\n');
    }
}
