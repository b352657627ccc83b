using System.Globalization;
using System.Text;

namespace Archon.Offline.Simulation;

/// <summary>
/// Rankers, critics, verifiers, unit-test writers/evaluators and judges. Each forms a belief about every candidate
/// from the answer key, right with a probability set by the matching skill; rankers and fusers then read critiques
/// (a flagged candidate is pushed down), so critique quality matters downstream. Verdicts err at the profile's rate.
/// </summary>
internal static class SimJudgement
{
    public static string Rank(SimCall call)
    {
        var candidates = SimPromptReader.Candidates(call.LastUser);
        var n = candidates.Count;
        var key = call.Key;
        var values = candidates.Select(c => key?.ValueOf(c.Text)).ToList();
        var scores = candidates.Select((c, i) =>
        {
            var tag = c.Number.ToString(CultureInfo.InvariantCulture);
            var truth = key?.IsCorrect(values[i]) is { } t ? (t ? 1.0 : 0.0) : 0.5;
            var consensus = values[i] is null ? 0 : values.Count(v => v == values[i]) / (double)Math.Max(1, n);
            var critique = SimPromptReader.IsFlaggedWrong(c.Critique) ? -1.0 : c.Critique is null ? 0 : 0.3;
            return 1.5 * call.Profile.RankSkill * truth + consensus + critique + call.N("rank", call.CallId, tag);
        }).ToList();
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).Select(i => candidates[i].Number);
        return "Answer: " + string.Join(" > ", order.Select(k => $"[{k}]"))
            + $"\n[SIMULATED {call.Profile.Id} ranking] I compared the candidates' final answers and reasoning.";
    }

    public static string Critique(SimCall call)
    {
        var sb = new StringBuilder();
        foreach (var c in SimPromptReader.Candidates(call.LastUser))
        {
            var value = call.Key?.ValueOf(c.Text);
            var judgedRight = Believes(call, call.Key?.IsCorrect(value), 0.5 + 0.45 * call.Profile.CritiqueSkill, "critique", c.Number.ToString(CultureInfo.InvariantCulture));
            var shown = value is null || call.Key?.Kind == SimAnswerKind.Code ? "given" : value;
            sb.Append(CultureInfo.InvariantCulture, $"[{c.Number}]\nStrengths:\n- [SIMULATED] Lays out its reasoning in order.\nWeaknesses:\n");
            sb.Append(judgedRight
                ? $"- Could be more concise; the final answer ({shown}) looks consistent with the request.\n\n"
                : $"- The final answer ({shown}) is likely wrong: one of the steps does not hold.\n\n");
        }

        return sb.ToString().TrimEnd();
    }

    public static string VerifierReasoning(SimCall call)
    {
        var text = SimPromptReader.SingleCandidate(call.AllText) ?? "";
        var right = VerifierBelief(call, text);
        return $"[SIMULATED {call.Profile.Id} verification] I re-derived the result and compared it with the candidate's final answer. "
            + (right ? "The steps and the final answer hold." : "I find an error: the final answer does not follow.");
    }

    public static string VerifierVerdict(SimCall call) =>
        VerifierBelief(call, SimPromptReader.SingleCandidate(call.AllText) ?? "") ? "[SIMULATED] The reasoning holds. [Correct]" : "[SIMULATED] The reasoning does not hold. [Incorrect]";

    public static string UnitTests(SimCall call)
    {
        string[] checks = call.Key?.Kind == SimAnswerKind.Code
            ?
            [
                "The response contains a complete Python function with the requested name and signature.",
                "The function returns correct results for typical inputs.",
                "The function handles edge cases such as empty or zero inputs.",
            ]
            :
            [
                "The response states exactly one final answer.",
                "Every calculation step in the response is correct.",
                "The final answer is the quantity the request asks for.",
            ];
        // Exactly as many as asked (the generator re-asks otherwise); beyond the three kinds, generic SIMULATED checks.
        var n = Math.Max(1, SimPromptReader.Cap(call.LastUser));
        var all = checks.Concat(Enumerable.Range(checks.Length + 1, Math.Max(0, n - checks.Length))
            .Select(i => $"The response is consistent with the request (SIMULATED check {i})."));
        return string.Join("\n", all.Take(n).Select((c, i) => $"{i + 1}. {c}"));
    }

    public static string EvaluateUnitTests(SimCall call)
    {
        var text = SimPromptReader.SingleCandidate(call.LastUser) ?? "";
        var value = call.Key?.ValueOf(text);
        var truth = call.Key?.IsCorrect(value);
        var n = SimPromptReader.CheckCount(call.LastUser);
        var lines = Enumerable.Range(1, n).Select(i =>
        {
            var pass = i == 1 ? value is not null
                : Believes(call, truth, call.Profile.VerifyAccuracy, "unit", Digest(text), i.ToString(CultureInfo.InvariantCulture));
            return $"Unit Test #{i}: {(pass ? "[Passed]" : "[Failed]")}";
        });
        return string.Join("\n", lines);
    }

    /// <summary>Judge role (MT-Bench, Arena-Hard, AlpacaEval prompts): SIMULATED verdicts in each benchmark's format,
    /// carrying no information about quality. MixEval's model parser is simulated by upstream's rule parser.</summary>
    public static string Judge(SimCall call)
    {
        if (call.Key is { Kind: SimAnswerKind.Choice or SimAnswerKind.Text } mix && SimMixEval.JudgedResponse(call.LastUser) is { } response)
        {
            return SimMixEval.ParserVerdict(call, mix, response);
        }

        var all = call.System + "\n" + call.AllText;
        var u = call.U("judge", Digest(all));
        if (all.Contains("\"model_identifier\": \"m\"", StringComparison.Ordinal)) { return u < 0.5 ? "m" : "M"; }
        if (all.Contains("[[A>>B]]", StringComparison.Ordinal))
        {
            string[] labels = ["A>>B", "A>B", "A=B", "B>A", "B>>A"];
            return $"[SIMULATED judge] My final verdict is: [[{labels[(int)(u * labels.Length)]}]]";
        }

        if (all.Contains("[[A]]", StringComparison.Ordinal)) { return $"[SIMULATED judge] [[{"ABC"[(int)(u * 3)]}]]"; }
        return $"[SIMULATED judge] Rating: [[{1 + (int)(u * 10)}]]";
    }

    private static bool VerifierBelief(SimCall call, string candidate) =>
        Believes(call, call.Key?.IsCorrect(call.Key.ValueOf(candidate)), call.Profile.VerifyAccuracy, "verify", Digest(candidate), call.SampleTag);

    /// <summary>The model's belief that a candidate is right: the truth with probability <paramref name="accuracy"/>.</summary>
    private static bool Believes(SimCall call, bool? truth, double accuracy, params string[] keys)
    {
        var u = call.U(keys);
        return truth is { } t ? (u < accuracy ? t : !t) : u < 0.5;
    }

    private static string Digest(string text) => SimRandom.Hash(0, text).ToString("x16", CultureInfo.InvariantCulture);
}
