using Archon.Core.Execution;
using Archon.Core.Prompts;
using static Archon.Core.Tests.Components.Reference.RefHarness;

namespace Archon.Core.Tests.Components.Reference;

/// <summary>Reference rules of the ranker (docs/architecture-format.md, "Ranker").</summary>
public sealed class RankerReferenceTests
{
    private static readonly Core.Architecture.ComponentConfig[] ThreeGenerators = [C("generator", "a"), C("generator", "b"), C("generator", "c")];

    [Fact]
    public async Task Ranker_Messages_NumberedCandidatesAndTheQueryTwice()
    {
        var (_, invoker) = await RunAsync(Arch(ThreeGenerators, [C("ranker")]), r => Generators(r) ?? "Answer: [1] > [2] > [3]");

        var user = Pack.Render(PromptStages.RankerUser, ("query", "Name a prime."), ("count", 3),
            ("candidates", List(PromptStages.RankerCandidate, "answer a.0", "answer b.0", "answer c.0")));
        Assert.Equal([new ChatTurn("system", Pack.Text(PromptStages.RankerSystem)), new("user", user)], Call(invoker, "L1.C0.ranker.s0").Messages);
    }

    [Fact]
    public async Task Ranker_AnswerLine_OrdersCandidatesAndKeepsTopK()
    {
        var arch = Arch(ThreeGenerators, [C("ranker") with { TopK = 2 }]);

        var (result, _) = await RunAsync(arch, r => Generators(r) ?? "Answer: [3] > [1] > [2]\nI preferred 3 because [1] > [3] is wrong.");

        Assert.Equal(["answer c.0", "answer a.0"], result.FinalState.Candidates.Select(c => c.Text));
    }

    [Fact]
    public async Task Ranker_PartialRanking_MissingCandidatesFollowInTheirOrder()
    {
        var (result, _) = await RunAsync(Arch(ThreeGenerators, [C("ranker")]), r => Generators(r) ?? "Answer: [2]>[3]");

        Assert.Equal(["answer b.0", "answer c.0", "answer a.0"], result.FinalState.Candidates.Select(c => c.Text));
    }

    [Fact]
    public async Task Ranker_CriticLeftCritiques_ShownEvenWithUseCritiquesFalse_AndTheyTravelWithCandidates()
    {
        var arch = Arch([C("generator", "a"), C("generator", "b")], [C("critic")], [C("ranker") with { UseCritiques = false }]);
        const string critique = "[1]\nStrengths:\n- s1\nWeaknesses:\n- w1\n\n[2]\nStrengths:\n- s2\nWeaknesses:\n- w2";

        var (result, invoker) = await RunAsync(arch, r => Generators(r) ?? (r.Role == "critic" ? critique : "Answer: [2] > [1]"));

        var items = string.Join("\n\n",
            Pack.Render(PromptStages.RankerCandidateWithCritique, ("index", 1), ("text", "answer a.0"), ("critique", "Strengths:\n- s1\nWeaknesses:\n- w1")),
            Pack.Render(PromptStages.RankerCandidateWithCritique, ("index", 2), ("text", "answer b.0"), ("critique", "Strengths:\n- s2\nWeaknesses:\n- w2")));
        var user = Pack.Render(PromptStages.RankerUserWithCritiques, ("query", "Name a prime."), ("count", 2), ("candidates", items));
        Assert.Equal(user, Call(invoker, "L2.C0.ranker.s0").Messages[^1].Content);
        Assert.Equal(["answer b.0", "answer a.0"], result.FinalState.Candidates.Select(c => c.Text));
        Assert.Contains("s2", result.FinalState.Candidates[0].Critique, StringComparison.Ordinal);
    }
}
