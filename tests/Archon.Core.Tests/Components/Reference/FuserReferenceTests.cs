using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Prompts;
using static Archon.Core.Tests.Components.Reference.RefHarness;

namespace Archon.Core.Tests.Components.Reference;

/// <summary>Reference rules of the fuser (docs/architecture-format.md, "Fuser").</summary>
public sealed class FuserReferenceTests
{
    [Fact]
    public async Task Fuser_Messages_SystemEarlierTurnsAndInstructionWithNumberedCandidates()
    {
        ChatTurn[] conversation = [new("system", "Be formal."), new("user", "Hi"), new("assistant", "Hello"), new("user", "Name a prime.")];

        var (_, invoker) = await RunAsync(Arch([C("generator", "a"), C("generator", "b")], [C("fuser")]), r => Generators(r) ?? "fused", conversation);

        var user = Pack.Render(PromptStages.FuserUser, ("query", "Name a prime."), ("count", 2), ("length_rule", ""),
            ("candidates", List(PromptStages.FuserCandidate, "answer a.0", "answer b.0")));
        Assert.Equal(
            [new ChatTurn("system", Pack.Text(PromptStages.FuserSystem)), new("user", "Hi"), new("assistant", "Hello"), new("user", user)],
            Call(invoker, "L1.C0.fuser.s0").Messages);
    }

    [Fact]
    public async Task Fuser_CriticLeftCritiques_ShowsThemWithoutUseCritiques()
    {
        var arch = Arch([C("generator", "a")], [C("critic")], [C("fuser")]);

        var (_, invoker) = await RunAsync(arch, r => Generators(r) ?? (r.Role == "critic" ? "[1]\nStrengths:\n- short\nWeaknesses:\n- vague" : "fused"));

        var item = Pack.Render(PromptStages.FuserCandidateWithCritique, ("index", 1), ("text", "answer a.0"), ("critique", "Strengths:\n- short\nWeaknesses:\n- vague"));
        var user = Pack.Render(PromptStages.FuserUserWithCritiques, ("query", "Name a prime."), ("count", 1), ("length_rule", ""), ("candidates", item));
        Assert.Equal(user, Call(invoker, "L2.C0.fuser.s0").Messages[^1].Content);
    }

    [Fact]
    public async Task Fuser_LengthControl_CapsAtTheLongestCandidate()
    {
        var arch = Arch([C("generator", "a"), C("generator", "b"), C("generator", "c")], [C("fuser") with { LengthControl = true }]);
        var texts = new Dictionary<string, string> { ["a"] = "one", ["b"] = "one two three four five six", ["c"] = "one two" };

        var (_, invoker) = await RunAsync(arch, r => r.Role == "generator" ? texts[r.ModelId] : "fused");

        var rule = Pack.Render(PromptStages.FuserLengthControl, ("max_words", 6));
        Assert.Contains(rule, Call(invoker, "L1.C0.fuser.s0").Messages[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fuser_Samples_EachBecomesACandidate_CritiquesDoNotCarryOver()
    {
        var arch = Arch([C("generator", "a")], [C("critic")], [C("fuser", samples: 2)]);

        var (result, _) = await RunAsync(arch, r => Generators(r) ?? (r.Role == "fuser" ? $"fused {r.SampleIndex}" : null));

        Assert.Equal(["fused 0", "fused 1"], result.FinalState.Candidates.Select(c => c.Text));
        Assert.All(result.FinalState.Candidates, c => Assert.Null(c.Critique));
    }
}
