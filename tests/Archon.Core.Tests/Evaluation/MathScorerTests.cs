using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;

namespace Archon.Core.Tests.Evaluation;

public sealed class MathScorerTests
{
    private static readonly Lazy<IReadOnlyList<BenchmarkItem>> Items = new(() =>
        Math500Loader.Load(new DatasetDirectory(TestPaths.DatasetsDir)));

    [Fact]
    public void Extract_BoxedFromEverySolution_EquivalentToAnswerField()
    {
        var items = Items.Value;
        Assert.Equal(400, items.Count);
        var failures = items
            .Select(i => (i.Id, Boxed: MathAnswerExtractor.Extract(i.Metadata[MetadataKeys.Solution]), i.Reference))
            .Where(t => !MathEquivalence.AreEquivalent(t.Boxed, t.Reference))
            .Select(t => $"{t.Id}: boxed '{t.Boxed}' vs answer '{t.Reference}'")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void AreEquivalent_PerturbedAnswers_Rejected()
    {
        // Every item's answer against a wrong one: another item's different answer, and a numeric perturbation.
        var items = Items.Value;
        var accepted = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var other = items[(i + 1) % items.Count].Reference!;
            var normA = MathNormalizer.Normalize(items[i].Reference!);
            var normB = MathNormalizer.Normalize(other);
            if (normA != normB && MathEquivalence.AreEquivalent(other, items[i].Reference))
            {
                accepted.Add($"{items[i].Id}: '{other}' accepted for '{items[i].Reference}'");
            }

            var plusOne = items[i].Reference + "+1";
            if (MathEquivalence.AreEquivalent(plusOne, items[i].Reference))
            {
                accepted.Add($"{items[i].Id}: '{plusOne}' accepted");
            }
        }

        Assert.True(accepted.Count == 0, string.Join("\n", accepted));
    }

    [Theory]
    [InlineData("\\frac{1}{2}", "0.5")]
    [InlineData("\\dfrac{3}{4}", "\\frac34")]
    [InlineData("\\tfrac{3}{4}", "3/4")]
    [InlineData("\\left( 3, \\frac{\\pi}{2} \\right)", "(3,\\frac{\\pi}{2})")]
    [InlineData("90^\\circ", "90")]
    [InlineData("50\\%", "50")]
    [InlineData("10\\text{ inches}", "10")]
    [InlineData("\\text{(C)}", "C")]
    [InlineData("\\text{Evelyn}", "Evelyn")]
    [InlineData("2\\sqrt{3}", "\\sqrt{12}")]
    [InlineData("\\sqrt3", "\\sqrt{3}")]
    [InlineData("[2, 5)", "[2,5)")]
    [InlineData("x = 5", "5")]
    [InlineData("10,000", "10000")]
    [InlineData("1, -2", "-2, 1")]
    [InlineData("\\$18.00", "18")]
    [InlineData("\\frac{\\sqrt{2}}{2}", "\\frac{1}{\\sqrt{2}}")]
    [InlineData("k \\in (-\\infty, 3]", "(-\\infty,3]")]
    public void AreEquivalent_EquivalentForms_Accepted(string candidate, string reference) =>
        Assert.True(MathEquivalence.AreEquivalent(candidate, reference), $"{candidate} vs {reference}");

    [Theory]
    [InlineData("[2, 5]", "[2,5)")]
    [InlineData("(1, 2)", "(2, 1)")]
    [InlineData("\\frac{1}{3}", "0.33")]
    [InlineData("\\sqrt{3}", "3")]
    [InlineData("Evelyn", "Claire")]
    [InlineData("-5", "5")]
    public void AreEquivalent_DifferentAnswers_Rejected(string candidate, string reference) =>
        Assert.False(MathEquivalence.AreEquivalent(candidate, reference), $"{candidate} vs {reference}");

    [Theory]
    [InlineData("so \\boxed{\\frac{a}{\\sqrt{b}}} and finally \\boxed{\\frac{1}{\\sqrt{2}}}.", "\\frac{1}{\\sqrt{2}}")]
    [InlineData("Adding up, the answer is $42$.", "42")]
    [InlineData("Final Answer: The final answer is \\(7\\). I hope it is correct", "The final answer is \\(7\\). I hope it is correct")]
    [InlineData("no answer here", null)]
    public void Extract_VariousForms_ReturnsLastAnswer(string text, string? expected) =>
        Assert.Equal(expected, MathAnswerExtractor.Extract(text));

    [Fact]
    public async Task ScoreAsync_BoxedCorrectAnswer_ScoresOne()
    {
        var item = new BenchmarkItem { Id = "t", Benchmark = "math500", Family = "math", Turns = ["q"], Reference = "\\frac{14}{3}" };
        var scorer = new MathScorer();
        Assert.Equal(1, (await scorer.ScoreAsync(item, "Thus $x=\\boxed{\\dfrac{14}{3}}$.", default)).Value);
        Assert.Equal(0, (await scorer.ScoreAsync(item, "Thus $x=\\boxed{\\dfrac{13}{3}}$.", default)).Value);
    }
}
