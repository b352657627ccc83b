using Archon.Core.Architecture;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Judging;
using Archon.Core.Execution;
using Archon.Offline.Simulation;

namespace Archon.Core.Tests.Evaluation;

public sealed class BenchmarkEvaluatorTests
{
    private static readonly DatasetDirectory Datasets = new(TestPaths.DatasetsDir);

    private static ArchitectureConfig Single(string model) => new()
    {
        Name = "single-" + model,
        Layers = [new LayerConfig([new ComponentConfig { Type = "generator", Model = model }])],
    };

    [Fact]
    public async Task EvaluateAsync_FixedAnswers_MeanCostCallsAndCi()
    {
        var items = BuiltinBenchmark.Generate(3, 10, 0);
        var gold = items.ToDictionary(i => i.Id, i => i.Reference!);
        // Right on the first five items, wrong on the rest.
        var invoker = new FakeModel(r => int.Parse(r.ItemId![^3..], System.Globalization.CultureInfo.InvariantCulture) < 5 ? $"The answer is {gold[r.ItemId]}." : "The answer is -99999.");
        var result = await new BenchmarkEvaluator().EvaluateAsync(Single("m"), items, new InProcessScheduler(invoker),
            BenchmarkRegistry.Resolve("builtin").CreateScorer(new BenchmarkScorerContext(null, null, 0)), new EvaluationOptions { Seed = 7 });

        Assert.Equal(0.5, result.Summary.Mean);
        Assert.Equal(10, result.Summary.N);
        Assert.Equal(10, result.Summary.Calls);
        Assert.Equal(0.01m, result.Summary.CostUsd);
        Assert.Equal(7, result.Summary.Seed);
        Assert.InRange(result.Summary.CiLow, 0.1, 0.5);
        Assert.InRange(result.Summary.CiHigh, 0.5, 0.9);
        Assert.Equal(items.Select(i => i.Id), result.Items.Select(i => i.ItemId));
    }

    [Fact]
    public async Task EvaluateAsync_MultiTurnItem_SecondTurnSeesFirstAnswerAndJudgeGradesBoth()
    {
        var items = MtBenchLoader.Load(Datasets).Take(2).ToList();
        var invoker = new FakeModel(r => $"answer to turn {r.Messages.Count(m => m.Role == "user")}");
        var judge = FakeModel.Chat((_, user) => user.Contains("answer to turn 2", StringComparison.Ordinal) ? "[[6]]" : "[[8]]");
        var result = await new BenchmarkEvaluator().EvaluateAsync(Single("m"), items, new InProcessScheduler(invoker),
            new MtBenchScorer(judge, JudgePromptFiles.LoadMtBench(Datasets)));

        Assert.Equal(4, invoker.Calls.Count);
        Assert.Contains(invoker.Calls, r => r.Messages.Any(m => m.Role == "assistant" && m.Content == "answer to turn 1"));
        Assert.All(result.Items, i => Assert.Equal(7.0, i.Score.Value));
        Assert.Equal(7.0, result.Summary.Mean);
    }

    [Fact]
    public async Task EvaluateAsync_FailingCalls_ItemScoredWrongNotThrown()
    {
        var items = BuiltinBenchmark.Generate(3, 3, 0);
        var result = await new BenchmarkEvaluator().EvaluateAsync(Single("m"), items, new InProcessScheduler(new FakeModel { FailWith = _ => "boom" }),
            BenchmarkRegistry.Resolve("builtin").CreateScorer(new BenchmarkScorerContext(null, null, 0)));
        Assert.Equal(0, result.Summary.Mean);
        Assert.Equal(3, result.Summary.FailedCalls);
    }

    [Fact]
    public async Task EvaluateAsync_UnknownComponentType_ArchitectureErrorBeforeAnyCall()
    {
        var bad = new ArchitectureConfig { Name = "bad", Layers = [new LayerConfig([new ComponentConfig { Type = "oracle", Model = "m" }])] };
        var invoker = new FakeModel(_ => "x");
        await Assert.ThrowsAsync<ArchitectureException>(() => new BenchmarkEvaluator().EvaluateAsync(bad, BuiltinBenchmark.Generate(1, 1, 0),
            new InProcessScheduler(invoker), new Archon.Core.Evaluation.Scoring.Gsm8kScorer()));
        Assert.Empty(invoker.Calls);
    }

    [Fact]
    public async Task ArenaHard_SimulatedJudge_WinRateWithCiFromBothPositions()
    {
        var items = ArenaHardLoader.Load(Datasets, ArenaHardLoader.V01).Take(12).ToList();
        var judge = new SimulatedChatClient(SimFleet.Default[^1], new SimulatorKnowledge());
        var scorer = BenchmarkRegistry.Resolve(ArenaHardLoader.V01).CreateScorer(new BenchmarkScorerContext(Datasets, judge, 1));
        var result = await new BenchmarkEvaluator().EvaluateAsync(Single("m"), items, new InProcessScheduler(new FakeModel(_ => "some answer")), scorer,
            new EvaluationOptions { Seed = 1, Simulated = true });
        Assert.StartsWith("arena-hard win rate", result.Summary.Scorer, StringComparison.Ordinal);
        Assert.Equal(12, result.Summary.N);
        Assert.InRange(result.Summary.Mean, result.Summary.CiLow, result.Summary.CiHigh);
        Assert.StartsWith("[SIMULATED]", result.Summary.Format(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gsm8k", 1055)]
    [InlineData("math500", 400)]
    [InlineData("builtin", 100)]
    public async Task CheckAsync_ReferenceAnswers_AllAgree(string benchmark, int total)
    {
        var result = await ReferenceChecker.CheckAsync(benchmark, Datasets);
        Assert.Equal(total, result.Total);
        Assert.True(result.AllAgree, string.Join("\n", result.Disagreements.Take(5)));
    }

    [Fact]
    public async Task CheckAsync_UnknownBenchmark_SaysUnknownNotJudgeScored()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ReferenceChecker.CheckAsync("nope", Datasets));
        Assert.Contains("Unknown benchmark 'nope'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("judge-scored", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AllNamedBenchmarks_KnownAndUnknownRejected()
    {
        foreach (var name in new[] { "builtin", "gsm8k", "math500", "humaneval", "mbpp", "mt_bench", "arena_hard_v0.1", "arena_hard_v2.0", "alpaca_eval" })
        {
            Assert.Equal(name, BenchmarkRegistry.Resolve(name).Name);
        }

        var ex = Assert.Throws<ArgumentException>(() => BenchmarkRegistry.Resolve("mmlu"));
        Assert.Contains("gsm8k", ex.Message, StringComparison.Ordinal);
    }
}
