using Archon.Core.Execution;
using Archon.Core.Prompts;
using static Archon.Core.Tests.Components.Reference.RefHarness;

namespace Archon.Core.Tests.Components.Reference;

/// <summary>Reference rules of the verifier (docs/architecture-format.md, "Verifier").</summary>
public sealed class VerifierReferenceTests
{
    private static readonly Core.Architecture.ComponentConfig[] ThreeGenerators = [C("generator", "a"), C("generator", "b"), C("generator", "c")];

    [Fact]
    public async Task Verifier_StageOne_AsksForReasoningWhyTheCandidateIsCorrect()
    {
        var (_, invoker) = await RunAsync(Arch([C("generator", "a")], [C("verifier")]), r => Generators(r) ?? (r.CallId.EndsWith(".reason", StringComparison.Ordinal) ? "it is prime" : "[Correct]"));

        var user = Pack.Render(PromptStages.VerifierReasoningUser, ("query", "Name a prime."), ("candidate", "answer a.0"));
        Assert.Equal([new ChatTurn("system", Pack.Text(PromptStages.VerifierReasoningSystem)), new("user", user)], Call(invoker, "L1.C0.verifier.s0.c0.reason").Messages);
    }

    [Fact]
    public async Task Verifier_StageTwo_IsAFreshCallWithQueryResponseAndReasoning()
    {
        var (_, invoker) = await RunAsync(Arch([C("generator", "a")], [C("verifier")]), r => Generators(r) ?? (r.CallId.EndsWith(".reason", StringComparison.Ordinal) ? "it is prime" : "[Correct]"));

        var user = Pack.Render(PromptStages.VerifierVerdictUser, ("query", "Name a prime."), ("candidate", "answer a.0"), ("reasoning", "it is prime"));
        Assert.Equal([new ChatTurn("system", Pack.Text(PromptStages.VerifierVerdictSystem)), new("user", user)], Call(invoker, "L1.C0.verifier.s0.c0.verdict").Messages);
    }

    [Fact]
    public async Task Verifier_VerifiedCandidates_KeptInOrderAndCutToFirstK()
    {
        var arch = Arch(ThreeGenerators, [C("verifier") with { FirstK = 1 }]);

        var (result, _) = await RunAsync(arch, r => Generators(r) ?? (r.CallId.EndsWith(".reason", StringComparison.Ordinal) ? "why"
            : r.CallId.Contains(".c0.", StringComparison.Ordinal) ? "Wrong. [Incorrect]" : "Fine. [Correct]"));

        Assert.Equal(["answer b.0"], result.FinalState.Candidates.Select(c => c.Text));
    }

    [Fact]
    public async Task Verifier_NoneVerified_IncorrectOnesGoOn_UndeterminedDropped()
    {
        var arch = Arch(ThreeGenerators, [C("verifier")]);

        var (result, _) = await RunAsync(arch, r => Generators(r) ?? (r.CallId.EndsWith(".reason", StringComparison.Ordinal) ? "why"
            : r.CallId.Contains(".c1.", StringComparison.Ordinal) ? "I cannot tell." : "No. [Incorrect]"));

        Assert.Equal(["answer a.0", "answer c.0"], result.FinalState.Candidates.Select(c => c.Text));
        Assert.Contains(result.FinalState.Notes, n => n.Kind == "verification-failed" && n.Message.Contains("L0.C1.s0", StringComparison.Ordinal));
        Assert.Contains(result.FinalState.Notes, n => n.Kind == "fallback" && n.Message.Contains("judged incorrect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verifier_BothVerdictsInOneReply_IsReAsked()
    {
        var (result, invoker) = await RunAsync(Arch([C("generator", "a")], [C("verifier")]), r => Generators(r)
            ?? (r.CallId.EndsWith(".reason", StringComparison.Ordinal) ? "why" : r.CallId.EndsWith(".r1", StringComparison.Ordinal) ? "[Correct]" : "[Correct] or [Incorrect]"));

        Assert.Contains(invoker.Calls, c => c.CallId == "L1.C0.verifier.s0.c0.verdict.r1");
        Assert.Equal(["answer a.0"], result.FinalState.Candidates.Select(c => c.Text));
    }
}
