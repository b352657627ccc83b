using Archon.Core.Execution;
using Archon.Durable.Orchestrations;

namespace Archon.Durable.Tests.Orchestrations;

public sealed class PromptReferencesTests
{
    private static readonly string Long = string.Concat(Enumerable.Repeat("The sky is blue because of Rayleigh scattering. ", 4));

    private static ModelCallRequest Fuser(string content) =>
        new("L1.C0.fuser.s0", "m", [new ChatTurn("system", "Fuse."), new ChatTurn("user", content)], 0.7, 256, 0, "fuser", 1);

    [Fact]
    public void Compact_PromptQuotesEarlierAnswers_ReplacesThemAndExpandRestoresTheExactPrompt()
    {
        var answers = new Dictionary<string, string> { ["L0.C0.generator.s0"] = Long, ["L0.C1.generator.s0"] = Long.ToUpperInvariant(), ["L0.C2.generator.s0"] = "short" };
        var original = Fuser($"[1] {Long}\n[2] {Long.ToUpperInvariant()}\n[3] short");

        var (compacted, references) = PromptReferences.Compact(original, answers);
        var restored = PromptReferences.Expand(compacted, answers);

        Assert.Equal(new[] { "L0.C0.generator.s0", "L0.C1.generator.s0" }, references!);
        Assert.DoesNotContain(Long, compacted.Messages[1].Content, StringComparison.Ordinal);
        Assert.True(compacted.Messages[1].Content.Length < 100);
        Assert.Equal(original.Messages, restored.Messages);
    }

    [Fact]
    public void Compact_UserTextContainsTheMarker_LeavesTheRequestAlone()
    {
        var answers = new Dictionary<string, string> { ["L0.C0.generator.s0"] = Long };
        var original = Fuser($"\u27e6archon:call:x\u27e7 {Long}");

        var (compacted, references) = PromptReferences.Compact(original, answers);

        Assert.Null(references);
        Assert.Same(original, compacted);
    }

    [Fact]
    public void Expand_ReferencedAnswerMissing_ThrowsNamingTheCall()
    {
        var answers = new Dictionary<string, string> { ["L0.C0.generator.s0"] = Long };
        var (compacted, _) = PromptReferences.Compact(Fuser(Long), answers);

        var error = Assert.Throws<InvalidOperationException>(() => PromptReferences.Expand(compacted, new Dictionary<string, string>()));

        Assert.Contains("L1.C0.fuser.s0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaceable_MixedAnswers_LongOnesOnlyLongestFirstTiesByCallId()
    {
        var answers = new Dictionary<string, string> { ["b"] = Long, ["a"] = Long, ["c"] = Long + Long, ["d"] = "short" };

        var ordered = PromptReferences.Replaceable(answers);

        Assert.Equal(["c", "a", "b"], ordered.Select(a => a.Key));
    }

    [Fact]
    public void Compact_PrecomputedReplaceable_SameAsFromTheDictionary()
    {
        var answers = new Dictionary<string, string> { ["L0.C0.generator.s0"] = Long, ["L0.C1.generator.s0"] = Long.ToUpperInvariant() };
        var request = Fuser($"[1] {Long}\n[2] {Long.ToUpperInvariant()}");

        var fromDictionary = PromptReferences.Compact(request, answers);
        var fromList = PromptReferences.Compact(request, PromptReferences.Replaceable(answers));

        Assert.Equal(fromDictionary.Request.Messages, fromList.Request.Messages);
        Assert.Equal(fromDictionary.References, fromList.References);
    }

    [Fact]
    public void Compact_AnswerContainingAnother_ReplacesTheLongerWhole()
    {
        var inner = Long;
        var outer = "Preface. " + Long + " Coda that makes it longer.";
        var answers = new Dictionary<string, string> { ["inner"] = inner, ["outer"] = outer };
        var original = Fuser($"[1] {outer}\n[2] {inner}");

        var (compacted, references) = PromptReferences.Compact(original, answers);

        Assert.Equal(["outer", "inner"], references!);
        Assert.Equal("[1] \u27e6archon:call:outer\u27e7\n[2] \u27e6archon:call:inner\u27e7", compacted.Messages[1].Content);
        Assert.Equal(original.Messages, PromptReferences.Expand(compacted, answers).Messages);
    }

    [Fact]
    public void Compact_ManyAnswersQuotedInManyPrompts_EveryQuoteReplacedAndEveryPromptRestored()
    {
        // 300 answers sharing long common prefixes (the hash window sees the same first characters for many of them),
        // quoted in 200 prompts in varying order and with text around them.
        var answers = Enumerable.Range(0, 300).ToDictionary(
            i => $"L0.C0.generator.s{i}",
            i => $"Candidate answer with a long shared opening sentence, number {i}: " + new string((char)('a' + (i % 26)), 20 + (i % 7)));
        var index = new AnswerIndex(PromptReferences.Replaceable(answers));
        for (var p = 0; p < 200; p++)
        {
            var quoted = Enumerable.Range(0, 5).Select(k => (p * 7 + k * 31) % 300).ToList();
            var original = Fuser(string.Join("\n", quoted.Select((q, k) => $"[{k + 1}] {answers[$"L0.C0.generator.s{q}"]}")) + "\nFuse them.");

            var (compacted, references) = PromptReferences.Compact(original, index);

            Assert.Equal(quoted.Distinct().Count(), references!.Count);
            Assert.All(quoted, q => Assert.DoesNotContain(answers[$"L0.C0.generator.s{q}"], compacted.Messages[1].Content, StringComparison.Ordinal));
            Assert.Equal(original.Messages, PromptReferences.Expand(compacted, answers).Messages);
        }
    }
}
