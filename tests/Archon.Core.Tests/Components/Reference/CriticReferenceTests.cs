using Archon.Core.Execution;
using Archon.Core.Prompts;
using static Archon.Core.Tests.Components.Reference.RefHarness;

namespace Archon.Core.Tests.Components.Reference;

/// <summary>Reference rules of the critic (docs/architecture-format.md, "Critic").</summary>
public sealed class CriticReferenceTests
{
    [Fact]
    public async Task Critic_OneCall_CritiquesAttachedToTheirCandidatesInOrder()
    {
        var arch = Arch([C("generator", "a"), C("generator", "b")], [C("critic")]);
        const string reply = "[1]\nStrengths:\n- s1\nWeaknesses:\n- w1\n\n[2]\nStrengths:\n- s2\nWeaknesses:\n- w2";

        var (result, invoker) = await RunAsync(arch, r => Generators(r) ?? reply);

        var user = Pack.Render(PromptStages.CriticUser, ("query", "Name a prime."), ("count", 2), ("candidates", List(PromptStages.CriticCandidate, "answer a.0", "answer b.0")));
        Assert.Equal([new ChatTurn("system", Pack.Text(PromptStages.CriticSystem)), new("user", user)], Call(invoker, "L1.C0.critic.s0").Messages);
        Assert.Equal(["Strengths:\n- s1\nWeaknesses:\n- w1", "Strengths:\n- s2\nWeaknesses:\n- w2"], result.FinalState.Candidates.Select(c => c.Critique));
    }

    [Fact]
    public async Task Critic_CritiqueWithoutWeaknesses_IsReAsked()
    {
        var arch = Arch([C("generator", "a")], [C("critic")]);

        var (result, invoker) = await RunAsync(arch, r => Generators(r)
            ?? (r.CallId.EndsWith(".r1", StringComparison.Ordinal) ? "[1]\nStrengths:\n- ok\nWeaknesses:\n- none" : "[1]\nStrengths:\n- great"));

        Assert.Contains(invoker.Calls, c => c.CallId == "L1.C0.critic.s0.r1");
        Assert.Contains(result.FinalState.Notes, n => n.Kind == "parse-retried" && n.Message.Contains("Weaknesses", StringComparison.Ordinal));
        Assert.Equal("Strengths:\n- ok\nWeaknesses:\n- none", result.FinalState.Candidates[0].Critique);
    }
}
