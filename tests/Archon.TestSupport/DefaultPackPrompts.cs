using Archon.Core.Components;
using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.TestSupport;

/// <summary>The default pack's texts for each role, rendered as the components render them (for talking to the simulator directly).</summary>
public static class DefaultPackPrompts
{
    private static PromptPack Pack => PromptPack.Default;

    public static (string System, string User) Ranker(string query, IReadOnlyList<Candidate> candidates) =>
        (Pack.Text(PromptStages.RankerSystem), Pack.Render(PromptStages.RankerUser, ("query", query), ("count", candidates.Count),
            ("candidates", ComponentPrompts.List(Pack, candidates, PromptStages.RankerCandidate, PromptStages.RankerCandidateWithCritique))));

    public static (string System, string User) Critic(string query, IReadOnlyList<Candidate> candidates) =>
        (Pack.Text(PromptStages.CriticSystem), Pack.Render(PromptStages.CriticUser, ("query", query), ("count", candidates.Count),
            ("candidates", ComponentPrompts.List(Pack, candidates, PromptStages.CriticCandidate, null))));

    public static (string System, string User) Fuser(string query, IReadOnlyList<Candidate> candidates) =>
        (Pack.Text(PromptStages.FuserSystem), Pack.Render(PromptStages.FuserUser, ("query", query), ("count", candidates.Count), ("length_rule", ""),
            ("candidates", ComponentPrompts.List(Pack, candidates, PromptStages.FuserCandidate, PromptStages.FuserCandidateWithCritique))));

    public static (string System, string User) UnitTestGenerator(string query, int count) =>
        (Pack.Text(PromptStages.UnitTestGeneratorSystem), Pack.Render(PromptStages.UnitTestGeneratorUser, ("query", query), ("count", count)));

    public static (string System, string User) UnitTestEvaluator(string query, Candidate candidate, IReadOnlyList<string> tests) =>
        (Pack.Text(PromptStages.UnitTestEvaluatorSystem), Pack.Render(PromptStages.UnitTestEvaluatorUser, ("query", query), ("candidate", candidate.Text),
            ("unit_tests", ComponentPrompts.UnitTests(Pack, tests, PromptStages.UnitTestEvaluatorUnitTest))));

    public static (string System, string User) VerifierVerdict(string query, Candidate candidate, string reasoning) =>
        (Pack.Text(PromptStages.VerifierVerdictSystem), Pack.Render(PromptStages.VerifierVerdictUser, ("query", query), ("candidate", candidate.Text), ("reasoning", reasoning)));
}
