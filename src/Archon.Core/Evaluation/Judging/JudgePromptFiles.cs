using System.Text.Json;
using System.Text.RegularExpressions;
using Archon.Core.Evaluation.Datasets;

namespace Archon.Core.Evaluation.Judging;

/// <summary>Reads the judge prompts and settings shipped in the dataset folder (never hard-coded copies).</summary>
public static partial class JudgePromptFiles
{
    /// <summary>FastChat judge_prompts.jsonl → prompts by name (single-v1, single-math-v1-multi-turn, pair-v2, …).</summary>
    public static IReadOnlyDictionary<string, JudgePrompt> LoadMtBench(DatasetDirectory dir)
    {
        var path = dir.Require(DatasetFiles.MtBenchJudgePrompts);
        var prompts = new Dictionary<string, JudgePrompt>(StringComparer.Ordinal);
        foreach (var (line, e) in JsonLines.Read(path))
        {
            var name = e.RequireString("name", path, line);
            prompts[name] = new JudgePrompt(name, e.RequireString("system_prompt", path, line),
                e.RequireString("prompt_template", path, line), e.RequireString("output_format", path, line));
        }

        return prompts;
    }

    /// <summary>Arena-Hard judge: system prompt from judge_settings.json (v0.1: OG prompt; v2.0: per category), template and
    /// verdict regexes from the version's YAML config.</summary>
    public static ArenaHardJudgeConfig LoadArenaHard(DatasetDirectory dir, string version)
    {
        var settingsPath = dir.Require(DatasetFiles.ArenaHardJudgeSettings);
        var yaml = new DatasetFile(version == ArenaHardLoader.V01 ? "arena_hard_auto/v0.1/arena-hard-v0.1.yaml" : "arena_hard_auto/v2.0/arena-hard-v2.0.yaml",
            "github.com/lmarena/arena-hard-auto, config/" + (version == ArenaHardLoader.V01 ? "arena-hard-v0.1.yaml" : "arena-hard-v2.0.yaml"));
        var yamlPath = dir.Require(yaml);
        using var doc = JsonDocument.Parse(File.ReadAllText(settingsPath));
        var og = doc.RootElement.GetProperty("OG_ARENA_HARD_PROMPT").GetString()!;
        var byGroup = new Dictionary<string, string>(StringComparer.Ordinal) { ["arena-hard-v0.1"] = og };
        foreach (var p in doc.RootElement.GetProperty("JUDGE_SETTINGS").EnumerateObject())
        {
            byGroup[p.Name] = p.Value.GetProperty("system_prompt").GetString()!;
        }

        var text = File.ReadAllText(yamlPath);
        var template = YamlString(text, "prompt_template") ?? throw new DatasetNotFoundException($"{yamlPath}: no 'prompt_template'.");
        var patterns = YamlList(text, "regex_patterns").Select(p => new Regex(p)).ToList();
        return new ArenaHardJudgeConfig(version, byGroup, template, patterns.Count > 0 ? patterns : VerdictParsers.DefaultArenaPatterns);
    }

    /// <summary>AlpacaEval ChatML judge template → (system, user template).</summary>
    public static JudgePrompt LoadAlpacaEval(DatasetDirectory dir)
    {
        var path = dir.Require(DatasetFiles.AlpacaEvalJudgePrompt);
        var text = File.ReadAllText(path);
        var parts = ChatMl().Matches(text).ToDictionary(m => m.Groups["role"].Value, m => m.Groups["body"].Value.Trim('\n'));
        if (!parts.TryGetValue("user", out var user))
        {
            throw new DatasetNotFoundException($"{path}: expected <|im_start|>system … and <|im_start|>user … sections.");
        }

        return new JudgePrompt("alpaca_eval_clf_gpt4_turbo", parts.GetValueOrDefault("system") ?? "", user, "m|M");
    }

    /// <summary>A top-level <c>key: "double-quoted"</c> or <c>key: ["…"]</c> YAML scalar (JSON-compatible escapes).</summary>
    private static string? YamlString(string yaml, string key)
    {
        var m = Regex.Match(yaml, $@"(?m)^{Regex.Escape(key)}:\s*(?<v>[\[""].*)$");
        if (!m.Success) { return null; }
        using var doc = JsonDocument.Parse(m.Groups["v"].Value);
        return doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement[0].GetString() : doc.RootElement.GetString();
    }

    private static List<string> YamlList(string yaml, string key)
    {
        var m = Regex.Match(yaml, $@"(?m)^{Regex.Escape(key)}:\s*\n(?<items>(?:[ \t]+-[ \t]*.+\n?)+)");
        return m.Success
            ? m.Groups["items"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('-')).Select(l => l[1..].Trim()).ToList()
            : [];
    }

    [GeneratedRegex(@"<\|im_start\|>(?<role>\w+)\n(?<body>.*?)<\|im_end\|>", RegexOptions.Singleline)]
    private static partial Regex ChatMl();
}
