using System.Globalization;
using System.Text;

namespace Archon.Offline.Simulation;

/// <summary>
/// Generators and fusers. A generator solves an item with probability sigmoid(6·(skill − difficulty)); when it fails
/// it gives one of the item's shared distractors (most often the first), so models make the same mistakes.
/// A fuser weighs the candidates' answers by how many share them, by whether it recognises them as right (more
/// reliably the more skilled it is) and by critiques; on items beyond its depth it substitutes its own attempt.
/// </summary>
internal static class SimGeneration
{
    public static string Generate(SimCall call)
    {
        if (call.Key is not { Kind: not SimAnswerKind.None } key)
        {
            return Generic(call, "a SIMULATED response to the request");
        }

        return Render(call, key, Attempt(call, key, "gen"), "solution");
    }

    /// <summary>The model's own attempt at the item (its family skill against the item's difficulty).</summary>
    public static string Attempt(SimCall call, SimAnswerKey key, string purpose)
    {
        var skill = call.Profile.SkillFor(key.Item.Family);
        // A per-(model, item) latent shared by all of this model's samples: a model that misunderstands an item tends
        // to misunderstand it every time, so repeated sampling of one model helps less than mixing models.
        var affinity = SimRandom.Normal(call.Seed, call.Profile.Id, key.Item.Id, key.Item.Turns[0], "affinity");
        var p = Math.Clamp(SimRandom.Sigmoid(6 * (skill - key.Difficulty) + 1.5 * affinity), 0.01, 0.99);
        if (call.U(purpose, call.SampleTag) < p || key.Distractors.Count == 0)
        {
            return key.Correct;
        }

        var v = call.U(purpose, call.SampleTag, "which");
        return key.Distractors[v < 0.6 ? 0 : v < 0.85 ? Math.Min(1, key.Distractors.Count - 1) : key.Distractors.Count - 1];
    }

    public static string Fuse(SimCall call)
    {
        var candidates = SimPromptReader.Candidates(call.LastUser);
        if (call.Key is not { Kind: not SimAnswerKind.None } key)
        {
            return Generic(call, "a SIMULATED synthesis of the candidate responses");
        }

        var skill = call.Profile.FuseSkill;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            var value = key.ValueOf(c.Text);
            if (value is null) { continue; }
            var truth = key.IsCorrect(value);
            var accuracy = 0.5 + 0.45 * skill;
            var perceivedRight = truth is { } t ? (call.U("perceive", c.Number.ToString(CultureInfo.InvariantCulture)) < accuracy) == t
                : call.U("perceive", c.Number.ToString(CultureInfo.InvariantCulture)) < 0.5;
            var w = 1 + 2 * skill * (perceivedRight ? 1 : -0.5);
            if (SimPromptReader.IsFlaggedWrong(c.Critique)) { w -= 0.8; }
            else if (c.Critique is not null) { w += 0.2; }
            weights[value] = weights.GetValueOrDefault(value) + w;
            firstSeen.TryAdd(value, c.Number);
            raw.TryAdd(value, ExtractRaw(key, c.Text));
        }

        // A fuser must understand the item to carry an answer over faithfully; past its depth it rewrites the answer
        // into its own attempt (which a weak model usually gets wrong).
        var corruption = 1 - SimRandom.Sigmoid(6 * (skill + 0.3 - key.Difficulty));
        string chosen;
        if (weights.Count == 0 || call.U("corrupt") < corruption)
        {
            chosen = Attempt(call, key, "fuse-own");
        }
        else
        {
            var best = weights.OrderByDescending(kv => kv.Value).ThenBy(kv => firstSeen[kv.Key]).First().Key;
            chosen = raw[best];
        }

        return Render(call, key, chosen, "synthesis of the candidates");
    }

    /// <summary>The displayable answer value inside a candidate (LaTeX as written, code as written).</summary>
    private static string ExtractRaw(SimAnswerKey key, string text) => key.Kind switch
    {
        SimAnswerKind.Latex => Archon.Core.Evaluation.Scoring.MathAnswerExtractor.Extract(text) ?? "",
        SimAnswerKind.Code => Archon.Core.Evaluation.Scoring.CodeExtractor.Extract(text, key.Item.Metadata.GetValueOrDefault(Archon.Core.Evaluation.Datasets.MetadataKeys.EntryPoint)).Trim('\n') + "\n",
        _ => key.ValueOf(text) ?? "",
    };

    public static string Render(SimCall call, SimAnswerKey key, string value, string what)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"[SIMULATED {call.Profile.Id} {what}]\n");
        if (key.Kind == SimAnswerKind.Code)
        {
            sb.Append("Here is an implementation of the requested function.\n\n```python\n").Append(value.TrimEnd('\n')).Append("\n```\n");
            return sb.ToString();
        }

        Filler(call, sb);
        sb.Append(key.Kind == SimAnswerKind.Latex
            ? $"Therefore, the final answer is $\\boxed{{{value}}}$."
            : $"The answer is {value}.");
        return sb.ToString();
    }

    public static string Generic(SimCall call, string what)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"[SIMULATED {call.Profile.Id}] This is {what}; no answer key is known for this request.\n");
        Filler(call, sb);
        return sb.ToString().TrimEnd();
    }

    /// <summary>Worked-step text so output length (tokens, cost) follows the profile, jittered ±20% per call.</summary>
    private static void Filler(SimCall call, StringBuilder sb)
    {
        var tokens = call.Profile.TokensPerAnswer * (0.8 + 0.4 * call.U("length", call.SampleTag));
        var steps = Math.Max(1, (int)(tokens / 18));
        for (var i = 1; i <= steps; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Step {i}: work out the next quantity from the previous result and check it.\n");
        }
    }
}
