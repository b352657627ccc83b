using System.Text.Json;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.MixEval;

namespace Archon.Core.Tests.Evaluation;

public sealed class MixEvalTests
{
    private static readonly DatasetDirectory Datasets = new(TestPaths.DatasetsDir);
    private static readonly Lazy<IReadOnlyList<BenchmarkItem>> Mix = new(() => MixEvalLoader.Load(Datasets, hard: false));
    private static readonly Lazy<IReadOnlyList<BenchmarkItem>> Hard = new(() => MixEvalLoader.Load(Datasets, hard: true));

    private static JsonElement Raw(string file, string key)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.DatasetsDir, "mixeval", file)));
        return doc.RootElement.GetProperty(key).Clone();
    }

    private static string Instruction(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.DatasetsDir, "mixeval", "prompts.json")));
        return doc.RootElement.GetProperty("evaluation_prompts").GetProperty(name).GetString()!;
    }

    private static BenchmarkItem Item(string id) => (id.StartsWith("mixeval_hard/", StringComparison.Ordinal) ? Hard : Mix).Value.Single(i => i.Id == id);

    [Fact]
    public void Load_SharedFiles_CountsSplitsSourcesAndReferences()
    {
        Assert.Equal(3200, Mix.Value.Count);
        Assert.Equal(1600, Mix.Value.Count(i => i.Metadata[MetadataKeys.ProblemType] == MixEvalLoader.FreeForm));
        Assert.Equal(800, Hard.Value.Count);
        Assert.Equal(400, Hard.Value.Count(i => i.Metadata[MetadataKeys.ProblemType] == MixEvalLoader.MultipleChoice));
        Assert.Equal(995, Mix.Value.Count(i => i.Metadata[MetadataKeys.Source] == "TriviaQA"));
        Assert.Equal(678, Mix.Value.Count(i => i.Metadata[MetadataKeys.Source] == "MMLU"));
        Assert.Equal("C", Item("mixeval/multiple-choice/0").Reference); // target [2]
        Assert.Equal("JAMES ELROY", Item("mixeval/free-form/0").Reference);
        Assert.All(Mix.Value, i => Assert.Equal("mixeval", i.Family));
    }

    [Fact]
    public void Load_PromptConstruction_MatchesUpstreamRule()
    {
        var mcPlain = Raw("mixeval/multiple-choice.json", "0");
        var options = mcPlain.GetProperty("options").EnumerateArray().Select((o, i) => $"{(char)('A' + i)}. {o.GetString()}");
        Assert.Equal($"{mcPlain.GetProperty("prompt").GetString()}\n{string.Join("\n", options)}\n{Instruction("MULTI_CHOICE_PROMPT")}",
            Item("mixeval/multiple-choice/0").Turns[0]);

        var mcContext = Raw("mixeval/multiple-choice.json", "1");
        var options1 = mcContext.GetProperty("options").EnumerateArray().Select((o, i) => $"{(char)('A' + i)}. {o.GetString()}");
        Assert.Equal($"{mcContext.GetProperty("context").GetString()}\n{mcContext.GetProperty("prompt").GetString()}\n{string.Join("\n", options1)}\n{Instruction("MULTI_CHOICE_PROMPT")}",
            Item("mixeval/multiple-choice/1").Turns[0]);

        var drop = Raw("mixeval/free-form.json", "1");
        Assert.Equal($"Question: {drop.GetProperty("context").GetString()}\n{drop.GetProperty("prompt").GetString()}\n{Instruction("FREE_FORM_PROMPT")}",
            Item("mixeval/free-form/1").Turns[0]);

        var bbh = Raw("mixeval/free-form.json", "37");
        Assert.Equal($"Question: {bbh.GetProperty("prompt").GetString()}\n{Instruction("FREE_FORM_PROMPT_BBH")}", Item("mixeval/free-form/37").Turns[0]);
        Assert.Equal($"Question: Who wrote the book 'LA Confidential'?\n{Instruction("FREE_FORM_PROMPT")}", Item("mixeval/free-form/0").Turns[0]);
    }

    [Fact]
    public async Task RuleParser_GoldAnswersOfEveryItem_AllCorrect()
    {
        var scorer = new MixEvalScorer(MixEvalParser.Rule, MixEvalPromptFile.Load(Datasets));
        foreach (var item in Mix.Value.Concat(Hard.Value))
        {
            var score = await scorer.ScoreAsync(item, ReferenceChecker.ReferenceAnswer(item), default);
            Assert.True(score.Correct, $"{item.Id}: {score.Extracted} ({score.Detail})");
        }
    }

    [Fact]
    public async Task RuleParser_WrongAnswers_Rejected()
    {
        var scorer = new MixEvalScorer(MixEvalParser.Rule, MixEvalPromptFile.Load(Datasets));
        var mc = Mix.Value.Where(i => i.Metadata[MetadataKeys.ProblemType] == MixEvalLoader.MultipleChoice).ToList();
        foreach (var item in mc)
        {
            var wrong = item.Reference == "A" ? "B" : "A";
            Assert.Equal(0, (await scorer.ScoreAsync(item, $"The answer is {wrong}.", default)).Value);
        }

        // Free-form: another item's gold answer (shifted by one TriviaQA item) must almost never match.
        var trivia = Mix.Value.Where(i => i.Metadata[MetadataKeys.Source] == "TriviaQA").ToList();
        var accepted = 0;
        for (var k = 0; k < trivia.Count; k++)
        {
            accepted += (int)(await scorer.ScoreAsync(trivia[k], trivia[(k + 1) % trivia.Count].Reference, default)).Value;
        }

        Assert.True(accepted <= trivia.Count / 100, $"{accepted} of {trivia.Count} wrong free-form answers accepted");
    }

    [Theory]
    [InlineData("B", 'B')]
    [InlineData("The answer is (C).", 'C')]
    [InlineData("**D. airplane** is the most recent", 'D')]
    [InlineData("I think the right one is the one about the television set being older than most", 'B')]
    public void ParseChoice_UpstreamShapes(string response, char expected)
    {
        var (letter, found) = MixEvalRuleParser.ParseChoice(response, ["cellular telephone", "the television set", "refrigerator", "airplane"], 0);
        Assert.True(found);
        Assert.Equal(expected, letter);
    }

    [Fact]
    public void ParseFreeForm_ReasoningThenAnswer_NumberExtracted()
    {
        var predictions = MixEvalRuleParser.ParseFreeForm("Step 1: 30 * 6.5 = 195\nStep 2: 195 / 3 = 65\nSo the final answer is: 65 cubic units.");
        Assert.True(MixEvalRuleParser.FreeFormCorrect(["65"], predictions));
        Assert.False(MixEvalRuleParser.FreeFormCorrect(["64"], predictions));
    }

    [Fact]
    public async Task ModelParser_PromptsFromFile_ScoresAndRetriesThenParseFailure()
    {
        var prompts = MixEvalPromptFile.Load(Datasets);
        var ff = Item("mixeval/free-form/0");
        var mc = Item("mixeval/multiple-choice/0");
        var judge = FakeModel.Chat((_, user) =>
            user.Contains("Model's Answer: James Ellroy", StringComparison.Ordinal) ? "Same author. The correctness score: [[1.0]]"
            : user.Contains("Model's Answer: C", StringComparison.Ordinal) ? "The option chosen by the model: [[C]]"
            : user.Contains("Model's Answer: 1984", StringComparison.Ordinal) ? "It names option C [[C]]."
            : "I cannot tell.");
        var scorer = new MixEvalScorer(MixEvalParser.Model, prompts, judge) { MaxAttempts = 3 };

        var right = await scorer.ScoreAsync(ff, "James Ellroy", default);
        Assert.Equal(1.0, right.Value);
        var (system, user) = judge.ChatRequests[0];
        Assert.Equal(prompts.FreeFormJudge.SystemPrompt, system);
        Assert.Contains("Question: Who wrote the book 'LA Confidential'?\nGolden Answer(s): <answer 1> JAMES ELROY\nModel's Answer: James Ellroy", user, StringComparison.Ordinal);

        Assert.Equal(1.0, (await scorer.ScoreAsync(mc, "1984", default)).Value);
        Assert.Contains("A. E.M. Forster's A Passage to India\nB. ", judge.ChatRequests[^1].User, StringComparison.Ordinal);

        var before = judge.ChatRequests.Count;
        var failure = await scorer.ScoreAsync(ff, "no idea", default);
        Assert.False(failure.Scored);
        Assert.StartsWith("judge parse failure: ", failure.Detail, StringComparison.Ordinal);
        Assert.Equal(3, judge.ChatRequests.Count - before);
    }

    [Fact]
    public void ModelParser_ScoreOutOfRange_IsNoVerdict()
    {
        Assert.Null(MixEvalScorer.ParseScore("The correctness score: [[7]]"));
        Assert.Equal(0.5, MixEvalScorer.ParseScore("The correctness score: [[0.5]]"));
        Assert.Equal('D', MixEvalScorer.ParseLetter("hmm [D] then"));
        Assert.Null(MixEvalScorer.ParseLetter("option d"));
    }

    [Fact]
    public void Aggregate_OverallIsCountWeightedAndSourcesPoolBothFiles()
    {
        var items = new List<BenchmarkItem>
        {
            Make("a", MixEvalLoader.FreeForm, "AGIEval"), Make("b", MixEvalLoader.FreeForm, "TriviaQA"), Make("c", MixEvalLoader.FreeForm, "TriviaQA"),
            Make("d", MixEvalLoader.MultipleChoice, "AGIEval"),
        };
        var values = new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 0, ["d"] = 0 };
        var results = items.Select(i => new ItemResult(i.Id, ["x"], new(i.Id, values[i.Id]), Archon.Core.Execution.UsageTotals.Zero)).ToList();
        var summary = MixEvalAggregator.Summarize("mixeval", "rule", items, results, 0);
        Assert.Equal(0.5, summary.Mean);
        Assert.Equal(4, summary.N);
        Assert.Equal(2.0 / 3, summary.Breakdown.Single(b => b.Group == "split free-form").Mean, 9);
        Assert.Equal(0.5, summary.Breakdown.Single(b => b.Group == "AGIEval").Mean);
        Assert.Equal(2, summary.Breakdown.Single(b => b.Group == "AGIEval").N);
        Assert.All(summary.Breakdown, b => Assert.True(b.CiLow <= b.Mean && b.Mean <= b.CiHigh));
    }

    [Fact]
    public void Load_MalformedItem_NamesFileItemAndField()
    {
        var root = Directory.CreateTempSubdirectory("archon-mix-");
        Directory.CreateDirectory(Path.Combine(root.FullName, "mixeval", "mixeval"));
        File.Copy(Path.Combine(TestPaths.DatasetsDir, "mixeval", "prompts.json"), Path.Combine(root.FullName, "mixeval", "prompts.json"));
        File.WriteAllText(Path.Combine(root.FullName, "mixeval", "mixeval", "free-form.json"),
            """{"7": {"problem_type": "free-form", "context": null, "prompt": "q", "target": [], "benchmark_name": "TriviaQA"}}""");
        var ex = Assert.Throws<DatasetNotFoundException>(() => MixEvalLoader.Load(new DatasetDirectory(root.FullName), hard: false));
        Assert.Contains("free-form.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("item '7'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'target'", ex.Message, StringComparison.Ordinal);
    }

    private static BenchmarkItem Make(string id, string split, string source) => new()
    {
        Id = id,
        Benchmark = "mixeval",
        Family = "mixeval",
        Turns = ["q"],
        Metadata = new Dictionary<string, string> { [MetadataKeys.ProblemType] = split, [MetadataKeys.Source] = source },
    };
}
