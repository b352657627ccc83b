using Archon.Core.Evaluation;
using Archon.Core.Execution;
using Archon.Core.Search;
using Archon.Core.Search.Execution;

namespace Archon.Core.Tests.Search;

/// <summary>Loud failures and hard budgets in the search's per-item runner, candidate status and leaderboard.</summary>
public sealed class SearchFailureAndBudgetTests
{
    private static readonly BenchmarkItem Item = new() { Id = "item-1", Benchmark = "t", Family = "math", Turns = ["What is 2+2?"], Reference = "4" };

    private static readonly Archon.Core.Architecture.ArchitectureConfig ThreeThenFuse = TestArchitectures.Arch(
        "three-fuse",
        [TestArchitectures.C("generator", "a"), TestArchitectures.C("generator", "b"), TestArchitectures.C("generator", "c")],
        [TestArchitectures.C("fuser", "a")]);

    private static CandidateItemRunner Runner(IModelInvoker invoker) => new(new ArchitectureRunner(), invoker, new InMemorySearchCache());

    [Fact]
    public async Task RunAsync_BatchWouldCrossTheBudget_IsNotSentAndTheItemIsOverBudget()
    {
        var invoker = new FakeModel();

        var run = await Runner(invoker).RunAsync(ThreeThenFuse, Item, default, () => new BudgetGuard(new QueryBudget { MaxCalls = 3 }));

        Assert.Equal(3, invoker.Calls.Count);
        Assert.DoesNotContain(invoker.Calls, c => c.Role == "fuser");
        Assert.True(run.OverBudget);
        Assert.Null(run.Answer);
        Assert.Contains("calls would reach 4", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DollarBudgetOnMeasuredCost_ReusedPrefixCountsAgainstIt()
    {
        var invoker = new FakeModel { CostUsd = 0.002m };
        var runner = Runner(invoker);
        // Each call costs $0.002 as measured; three generators spend $0.006, so a $0.0065 budget has no room for a fuser
        // whose reservation (one call of 1 output token at $1,000/M) is another $0.001+.
        Func<BudgetGuard> guard = () => new BudgetGuard(new QueryBudget { MaxCostUsd = 0.0065m }, _ => (0m, 1000m), _ => 1);
        await runner.RunAsync(ThreeThenFuse with { Layers = [ThreeThenFuse.Layers[0]] }, Item, default);

        var run = await runner.RunAsync(ThreeThenFuse, Item, default, guard);

        Assert.True(run.OverBudget);
        Assert.Equal(1, run.ReusedLayers);
        Assert.Contains("cost would reach", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EveryCallOfALayerFails_ReportsTheProviderError()
    {
        var invoker = new FakeModel { FailWith = _ => "HTTP 401 (Unauthorized): invalid api key" };

        var run = await Runner(invoker).RunAsync(ThreeThenFuse, Item, default);

        Assert.True(run.CallsFailed);
        Assert.Null(run.Answer);
        Assert.Contains("all 3 model calls failed", run.Error, StringComparison.Ordinal);
        Assert.Contains("HTTP 401 (Unauthorized): invalid api key", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(invoker.Calls, c => c.Role == "fuser");
    }

    private static ArchitectureScore Score(double cost, int failed = 0, int overBudget = 0, int items = 2) =>
        new(50, 1, cost, 10, 5, 4L * items, 4L * items, [.. Enumerable.Range(0, items).Select(i => new CandidateItemScore($"i{i}", 0.5, true))], failed, overBudget, failed > 0 ? "HTTP 500: down" : null);

    [Theory]
    [InlineData(0.04, 0, 0, CandidateStatus.Ok)]
    [InlineData(0.069, 0, 0, CandidateStatus.OverBudget)]
    [InlineData(0.01, 0, 1, CandidateStatus.OverBudget)]
    [InlineData(0.0, 2, 0, CandidateStatus.Failed)]
    public void Of_MeasuredCostAndItemOutcomes_GiveTheStatus(double cost, int failed, int overBudget, string expected) =>
        Assert.Equal(expected, CandidateStatus.Of(Score(cost, failed, overBudget), new QueryBudget { MaxCalls = 40, MaxCostUsd = 0.05m }, 2));

    private static CandidateResult Result(string key, double score, string status) =>
        new("s", key, key, "dev", 1, 0, 2, score, 1, 0.01, 10, 4, 4, ThreeThenFuse, [], Status: status);

    [Fact]
    public void Feasible_RecommendationOverBudget_FallsBackToTheBestWithinBudget()
    {
        var results = new[] { Result("g1-s1-l1-f0-none-none", 90, CandidateStatus.OverBudget), Result("g2-s1-l1-f0-none-none", 70, CandidateStatus.Ok), Result("g3-s1-l1-f0-none-none", 80, CandidateStatus.Failed) };

        Assert.Equal("g2-s1-l1-f0-none-none", LeaderboardBuilder.Feasible("g1-s1-l1-f0-none-none", results));
        Assert.Null(LeaderboardBuilder.Feasible(null, [results[0], results[2]]));
    }

    [Fact]
    public void ToObservation_OverBudget_CountsAsTheWorstScore() =>
        Assert.Equal(0, Result("g1-s1-l1-f0-none-none", 90, CandidateStatus.OverBudget).ToObservation().Score);
}
