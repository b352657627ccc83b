using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Judging;

namespace Archon.Core.Tests.Evaluation;

public sealed class MtBenchPairwiseTests
{
    private static readonly DatasetDirectory Datasets = new(TestPaths.DatasetsDir);

    [Fact]
    public async Task ScoreTurnsAsync_TwoTurns_EachTurnJudgedInBothOrdersWithItsPrompt()
    {
        var item = MtBenchLoader.Load(Datasets).First(i => i.Metadata[MetadataKeys.Category] == "writing");
        var baseline = new Dictionary<string, IReadOnlyList<string>> { [item.Id] = ["BASE-1", "BASE-2"] };
        // Turn 1: the model wins in both orders. Turn 2: the judge always says A (position bias) → tie.
        var judge = FakeModel.Chat((_, user) =>
            user.Contains("BASE-2", StringComparison.Ordinal) ? "[[A]]"
            : user.IndexOf("MODEL-1", StringComparison.Ordinal) < user.IndexOf("BASE-1", StringComparison.Ordinal) ? "[[A]]" : "[[B]]");
        var prompts = JudgePromptFiles.LoadMtBench(Datasets);
        var scorer = new MtBenchPairwiseScorer(judge, prompts, baseline) { BaselineName = "base" };
        var score = await scorer.ScoreTurnsAsync(item, ["MODEL-1", "MODEL-2"], default);
        Assert.Equal(0.75, score.Value);
        Assert.Equal(4, judge.ChatRequests.Count);
        Assert.Equal(prompts["pair-v2"].SystemPrompt, judge.ChatRequests[0].System);
        Assert.Equal(prompts["pair-v2-multi-turn"].SystemPrompt, judge.ChatRequests[2].System);
        Assert.Contains("win rate vs base", scorer.Metric, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_TurnsAndMissingBaseline_PerTurnBreakdownAndNote()
    {
        var items = MtBenchLoader.Load(Datasets).Take(3).ToList();
        var scorer = new MtBenchPairwiseScorer(FakeModel.Chat((_, _) => "[[A]]"), JudgePromptFiles.LoadMtBench(Datasets)) { BaselineName = "gpt-4" };
        var results = new List<ItemResult>
        {
            new(items[0].Id, ["a", "b"], new(items[0].Id, 0.75, true, "1|1;1|0"), Archon.Core.Execution.UsageTotals.Zero),
            new(items[1].Id, ["a", "b"], new(items[1].Id, 0.0, true, "0|0;0|0"), Archon.Core.Execution.UsageTotals.Zero),
            new(items[2].Id, ["a", "b"], Archon.Core.Evaluation.Scoring.ItemScore.Unscored(items[2].Id, "no gpt-4 answer for this question"), Archon.Core.Execution.UsageTotals.Zero),
        };
        var summary = scorer.Aggregate("mt_bench", items, results, 0);
        Assert.Equal(0.375, summary.Mean);
        Assert.Equal(0.5, summary.Breakdown.Single(b => b.Group == "turn 1").Mean);
        Assert.Equal(0.25, summary.Breakdown.Single(b => b.Group == "turn 2").Mean);
        Assert.Contains(summary.Notes, n => n.StartsWith("1 questions have no gpt-4 answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScoreTurnsAsync_JudgeNeverGivesVerdict_ReaskedThenParseFailure()
    {
        var item = MtBenchLoader.Load(Datasets).First(i => i.Reference is not null);
        var judge = FakeModel.Chat((_, _) => "Both are fine.");
        var score = await new MtBenchPairwiseScorer(judge, JudgePromptFiles.LoadMtBench(Datasets)) { MaxAttempts = 2 }.ScoreAsync(item, "x", default);
        Assert.False(score.Scored);
        Assert.StartsWith("judge parse failure: ", score.Detail, StringComparison.Ordinal);
        Assert.Equal(2, judge.ChatRequests.Count);
    }

    [Fact]
    public void AnswerFile_WriteThenRead_RoundTripsFastChatFormat()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("archon-mt-").FullName, "answers.jsonl");
        MtBenchAnswerFile.Write(path, "arch", [("mt_bench/81", ["a1", "a2"]), ("mt_bench/82", ["b1", null])]);
        Assert.Contains("\"question_id\":81", File.ReadAllText(path), StringComparison.Ordinal);
        var read = MtBenchAnswerFile.Read(path);
        Assert.Equal(["a1", "a2"], read["mt_bench/81"]);
        Assert.Equal(["b1", ""], read["mt_bench/82"]);
    }

    [Fact]
    public void AnswerFile_ReferenceAnswersOfDataset_ReadAsBaseline()
    {
        var read = MtBenchAnswerFile.Read(Path.Combine(TestPaths.DatasetsDir, "mt_bench", "reference_answer", "gpt-4.jsonl"));
        Assert.Equal(30, read.Count);
        Assert.All(read.Values, turns => Assert.Equal(2, turns.Count));
    }

    [Fact]
    public void AnswerFile_MissingTurns_NamesFileLineAndField()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("archon-mt-").FullName, "bad.jsonl");
        File.WriteAllText(path, "{\"question_id\": 81, \"choices\": [{}]}\n");
        var ex = Assert.Throws<DatasetNotFoundException>(() => MtBenchAnswerFile.Read(path));
        Assert.Contains(path + ":1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("choices[0].turns", ex.Message, StringComparison.Ordinal);
    }
}
