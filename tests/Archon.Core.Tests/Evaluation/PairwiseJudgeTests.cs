using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Judging;

namespace Archon.Core.Tests.Evaluation;

public sealed class PairwiseJudgeTests
{
    private static readonly DatasetDirectory Datasets = new(TestPaths.DatasetsDir);

    [Fact]
    public async Task MtBenchPairwise_JudgeFavoursFirstPosition_PositionBiasBecomesTie()
    {
        var item = MtBenchLoader.Load(Datasets).First(i => i.Reference is not null);
        var judge = FakeModel.Chat((_, _) => "[[A]]");
        var score = await new MtBenchPairwiseScorer(judge, JudgePromptFiles.LoadMtBench(Datasets)).ScoreAsync(item, "model answer", default);
        Assert.Equal(0.5, score.Value);
        Assert.Equal(2, judge.ChatRequests.Count);
    }

    [Fact]
    public async Task MtBenchPairwise_JudgePrefersModelInBothOrders_Win()
    {
        var item = MtBenchLoader.Load(Datasets).First(i => i.Reference is not null);
        var judge = FakeModel.Chat((_, user) =>
            user.IndexOf("MODEL-X", StringComparison.Ordinal) < user.IndexOf("[The Start of Assistant B's Answer]", StringComparison.Ordinal) ? "[[A]]" : "[[B]]");
        var score = await new MtBenchPairwiseScorer(judge, JudgePromptFiles.LoadMtBench(Datasets)).ScoreAsync(item, "MODEL-X", default);
        Assert.Equal(1.0, score.Value);
    }

    [Fact]
    public async Task MtBenchPairwise_NoBaselineAnswer_Unscored()
    {
        var item = MtBenchLoader.Load(Datasets).First(i => i.Reference is null);
        var score = await new MtBenchPairwiseScorer(FakeModel.Chat((_, _) => "[[A]]"), JudgePromptFiles.LoadMtBench(Datasets)).ScoreAsync(item, "x", default);
        Assert.False(score.Scored);
    }

    [Fact]
    public void LoadArenaHard_V20_PerCategorySystemPromptsAndYamlPatterns()
    {
        var config = JudgePromptFiles.LoadArenaHard(Datasets, ArenaHardLoader.V20);
        Assert.Equal(2, config.Patterns.Count);
        Assert.Contains("{QUESTION}", config.Template, StringComparison.Ordinal);
        var filled = config.Fill("Q?", "ans {ANSWER_B}", "B-text");
        Assert.Contains("ans {ANSWER_B}", filled, StringComparison.Ordinal); // answers are never re-substituted
        Assert.Contains("B-text", filled, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(config.SystemPromptFor("hard_prompt")));
        Assert.False(string.IsNullOrEmpty(config.SystemPromptFor("creative_writing")));
    }
}
