using System.Text.RegularExpressions;

namespace Archon.Core.Evaluation.Judging;

/// <summary>Arena-Hard judge settings for one version: system prompt per judge group, user template, verdict regexes.</summary>
public sealed record ArenaHardJudgeConfig(string Version, IReadOnlyDictionary<string, string> SystemPrompts, string Template, IReadOnlyList<Regex> Patterns)
{
    /// <summary>Weight of a strong verdict (A&gt;&gt;B) in the battle table; the published v0.1 aggregation uses 3.</summary>
    public int StrongVerdictWeight { get; init; } = 3;

    public string SystemPromptFor(string? group) =>
        group is not null && SystemPrompts.TryGetValue(group, out var p) ? p
        : SystemPrompts.TryGetValue("hard_prompt", out var hp) ? hp
        : SystemPrompts.Values.First();

    /// <summary>Both template dialects: current ({QUESTION}/{ANSWER_A}/{ANSWER_B}) and 2024 ({question_1}/{answer_1}/{answer_2}).</summary>
    public string Fill(string question, string answerA, string answerB) =>
        Regex.Replace(Template, @"\{(QUESTION|question_1|ANSWER_A|answer_1|ANSWER_B|answer_2)\}", m => m.Groups[1].Value switch
        {
            "QUESTION" or "question_1" => question,
            "ANSWER_A" or "answer_1" => answerA,
            _ => answerB,
        });
}
