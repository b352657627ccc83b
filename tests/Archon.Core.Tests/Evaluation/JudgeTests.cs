using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Judging;

namespace Archon.Core.Tests.Evaluation;

public sealed class JudgeTests
{
    private static readonly DatasetDirectory Datasets = new(TestPaths.DatasetsDir);

    [Theory]
    [InlineData("The answer is good. Rating: [[7]]", 7.0)]
    [InlineData("[[8.5]]", 8.5)]
    [InlineData("I'd give it [6] overall", 6.0)]
    [InlineData("Rating: [[10]] (was [3] before)", 10.0)]
    [InlineData("no rating at all", null)]
    public void ParseRating_UpstreamForms_Parsed(string judgment, double? expected) =>
        Assert.Equal(expected, VerdictParsers.ParseRating(judgment));

    [Theory]
    [InlineData("My final verdict is: [[A>>B]]", "A>>B")]
    [InlineData("verdict [B>A]", "B>A")]
    [InlineData("[[A=B]] and again [[A=B]]", "A=B")]
    [InlineData("first [[A>B]] then [[B>A]]", null)]
    [InlineData("no verdict", null)]
    public void ParseArenaHard_UpstreamRules_Applied(string judgment, string? expected) =>
        Assert.Equal(expected, VerdictParsers.ParseArenaHard(judgment));

    [Theory]
    [InlineData("[[A]]", PairwiseWinner.A)]
    [InlineData("clearly [[B]]", PairwiseWinner.B)]
    [InlineData("[[C]]", PairwiseWinner.Tie)]
    [InlineData("A is better", PairwiseWinner.Error)]
    public void ParsePairwiseLabel_FastChatForms_Parsed(string judgment, PairwiseWinner expected) =>
        Assert.Equal(expected, VerdictParsers.ParsePairwiseLabel(judgment));

    [Fact]
    public void AlpacaPreferenceFromLogprobs_TwoTokens_Normalised()
    {
        var p = VerdictParsers.AlpacaPreferenceFromLogprobs(new Dictionary<string, double> { ["m"] = Math.Log(0.6), ["M"] = Math.Log(0.2), ["x"] = Math.Log(0.2) });
        Assert.Equal(0.75, p!.Value, 6);
    }

    [Fact]
    public async Task MtBenchScorer_MathQuestion_UsesReferencePromptsAndAveragesTurns()
    {
        var item = MtBenchLoader.Load(Datasets).First(i => i.Metadata[MetadataKeys.Category] == "math" && i.Reference is not null);
        var prompts = JudgePromptFiles.LoadMtBench(Datasets);
        var judge = FakeModel.Chat((_, user) => user.Contains("Assistant A's Conversation", StringComparison.Ordinal) ? "Rating: [[9]]" : "[[7]]");
        var score = await new MtBenchScorer(judge, prompts).ScoreTurnsAsync(item, ["first answer", "second answer"], default);
        Assert.Equal(8.0, score.Value);
        Assert.Equal(2, judge.ChatRequests.Count);
        Assert.Contains(item.Reference!, judge.ChatRequests[0].User, StringComparison.Ordinal);
        Assert.Contains("second answer", judge.ChatRequests[1].User, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArenaHardScorer_JudgePrefersModel_BothPositionsJudgedAndWinRateOne()
    {
        var items = ArenaHardLoader.Load(Datasets, ArenaHardLoader.V01).Take(5).ToList();
        var config = JudgePromptFiles.LoadArenaHard(Datasets, ArenaHardLoader.V01);
        // The fake judge strongly prefers whichever position holds the model's marked answer.
        var judge = FakeModel.Chat((_, user) =>
            user.IndexOf("MODEL-ANSWER", StringComparison.Ordinal) < user.IndexOf("<|The Start of Assistant B's Answer|>", StringComparison.Ordinal)
                ? "My final verdict is: [[A>>B]]" : "My final verdict is: [[B>>A]]");
        var scorer = new ArenaHardScorer(judge, config);
        var scores = new List<Archon.Core.Evaluation.Scoring.ItemScore>();
        foreach (var item in items) { scores.Add(await scorer.ScoreAsync(item, "MODEL-ANSWER", default)); }

        Assert.Equal(10, judge.ChatRequests.Count);
        Assert.All(scores, s => Assert.Equal(1.0, s.Value));
        Assert.Equal("B>>A|A>>B", scores[0].Extracted);
        Assert.StartsWith("Please act as an impartial judge", judge.ChatRequests[0].System, StringComparison.Ordinal);
        var summary = ArenaHardAggregator.WinRate("arena_hard_v0.1", scores, 3, seed: 1);
        Assert.Equal(1.0, summary.Mean);
        Assert.Equal(5, summary.N);
    }

    [Fact]
    public void WinRate_MixedVerdicts_WeightsStrongVerdictsThreeTimes()
    {
        var scores = new[]
        {
            new Archon.Core.Evaluation.Scoring.ItemScore("a", 0, true, "B>>A|A=B"), // model strong win (3) + tie (1 × 0.5)
            new Archon.Core.Evaluation.Scoring.ItemScore("b", 0, true, "A>B|B>A"),  // model loses twice (1 + 1)
        };
        var summary = ArenaHardAggregator.WinRate("x", scores, 3, seed: 1);
        Assert.Equal(3.5 / 6, summary.Mean, 9);
    }

    [Fact]
    public async Task AlpacaEvalScorer_JudgePicksBetterOutput_WinIndependentOfPosition()
    {
        var items = AlpacaEvalLoader.Load(Datasets).Take(20).ToList();
        var prompt = JudgePromptFiles.LoadAlpacaEval(Datasets);
        var judge = FakeModel.Chat((_, user) =>
        {
            var m = user.IndexOf("\"model_identifier\": \"m\"", StringComparison.Ordinal);
            var big = user.IndexOf("\"model_identifier\": \"M\"", StringComparison.Ordinal);
            var good = user.IndexOf("EXCELLENT", StringComparison.Ordinal);
            return good > m && good < big ? "m" : "M";
        });
        var scorer = new AlpacaEvalScorer(judge, prompt, seed: 3);
        var results = new List<Archon.Core.Evaluation.Scoring.ItemScore>();
        foreach (var item in items) { results.Add(await scorer.ScoreAsync(item, "EXCELLENT answer", default)); }

        Assert.All(results, r => Assert.Equal(1.0, r.Value));
        Assert.Contains(results, r => r.Detail == "model was m");
        Assert.Contains(results, r => r.Detail == "model was M");
        Assert.Contains("You are a highly efficient assistant", judge.ChatRequests[0].System, StringComparison.Ordinal);
    }

    /// <summary>A judge that answers like the OpenAI client does when logprobs were requested.</summary>
    private static FakeModel LogprobJudge(double pm, double pM) => new(_ => pm >= pM ? "m" : "M")
    {
        ShapeChatResponse = response =>
        {
            var top = new[]
            {
                OpenAI.Chat.OpenAIChatModelFactory.ChatTokenTopLogProbabilityDetails("m", (float)Math.Log(pm), null),
                OpenAI.Chat.OpenAIChatModelFactory.ChatTokenTopLogProbabilityDetails("M", (float)Math.Log(pM), null),
            };
            var first = OpenAI.Chat.OpenAIChatModelFactory.ChatTokenLogProbabilityDetails(pm >= pM ? "m" : "M", (float)Math.Log(Math.Max(pm, pM)), null, top);
#pragma warning disable OPENAI001 // the model factory is marked for-evaluation; only this fake uses it
            response.RawRepresentation = OpenAI.Chat.OpenAIChatModelFactory.ChatCompletion(id: "x", contentTokenLogProbabilities: [first]);
#pragma warning restore OPENAI001
            return response;
        },
    };

    [Fact]
    public async Task AlpacaEvalScorer_JudgeWithLogprobs_WeightedPreferenceForModelPosition()
    {
        var items = AlpacaEvalLoader.Load(Datasets).Take(10).ToList();
        var judge = LogprobJudge(0.6, 0.2);
        var scorer = new AlpacaEvalScorer(judge, JudgePromptFiles.LoadAlpacaEval(Datasets), seed: 3);
        foreach (var item in items)
        {
            var score = await scorer.ScoreAsync(item, "answer", default);
            var expected = score.Detail!.StartsWith("model was m", StringComparison.Ordinal) ? 0.75 : 0.25;
            Assert.Equal(expected, score.Value, 5);
        }

        var raw = judge.OptionsSeen[^1]!.RawRepresentationFactory!(judge) as OpenAI.Chat.ChatCompletionOptions;
        Assert.True(raw!.IncludeLogProbabilities);
        Assert.Equal(5, raw.TopLogProbabilityCount);
    }
}
