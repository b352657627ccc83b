using Archon.Core.Execution;

namespace Archon.Core.Tests.Execution;

public sealed class BudgetTests
{
    private static QueryState Query() => QueryState.Start([new ChatTurn("user", "What is the capital of France?")]);

    private static async Task<(PipelineResult? Result, BudgetExceededException? Error, FakeModel Invoker)> Run(QueryBudget budget, Func<string, (decimal, decimal)>? prices = null)
    {
        var invoker = new FakeModel();
        var scheduler = new BudgetScheduler(new InProcessScheduler(invoker), new BudgetGuard(budget, prices));
        try
        {
            var result = await new ArchitectureRunner().RunAsync(ArchitectureRunnerTests.EightGeneratorsCriticRankerFuser(), Query(), scheduler, CancellationToken.None);
            return (result, null, invoker);
        }
        catch (BudgetExceededException ex)
        {
            return (null, ex, invoker);
        }
    }

    [Fact]
    public async Task CallBudget_StopsBeforeTheLayerThatWouldExceedIt()
    {
        var (result, error, invoker) = await Run(new QueryBudget { MaxCalls = 9 });

        Assert.Null(result);
        Assert.Equal("calls", error!.Limit);
        Assert.Contains("before dispatching 1 call(s) of layer 2: calls would reach 10 (committed 9 + this batch up to 1), over the limit of 9", error.Message);
        Assert.Equal(9, invoker.Calls.Count);
    }

    [Fact]
    public async Task OutputTokenBudget_UsesMaxTokensAsBound()
    {
        // Each generator call may write max_tokens = 2048 tokens: a 2000 limit refuses every generator batch up front.
        var (_, error, invoker) = await Run(new QueryBudget { MaxOutputTokens = 2_000 });

        Assert.Equal("output_tokens", error!.Limit);
        Assert.Contains("over the limit of 2000", error.Message);
        Assert.Empty(invoker.Calls);
    }

    [Fact]
    public async Task CostBudget_PricedFromCatalogPrices()
    {
        var (_, error, _) = await Run(new QueryBudget { MaxCostUsd = 0.01m }, _ => (1m, 1m));

        Assert.Equal("cost_usd", error!.Limit);
        Assert.Contains("over the limit of $0.01", error.Message);
    }

    [Fact]
    public async Task InputTokenBudget_CountsPromptTokens()
    {
        var (_, error, _) = await Run(new QueryBudget { MaxInputTokens = 100 });

        Assert.Equal("input_tokens", error!.Limit);
    }

    [Fact]
    public async Task GenerousBudget_RunCompletesAndSettlesActualUsage()
    {
        var guard = new BudgetGuard(new QueryBudget { MaxCalls = 11, MaxOutputTokens = 100_000 });
        var scheduler = new BudgetScheduler(new InProcessScheduler(new FakeModel()), guard);

        var result = await new ArchitectureRunner().RunAsync(ArchitectureRunnerTests.EightGeneratorsCriticRankerFuser(), Query(), scheduler, CancellationToken.None);

        Assert.NotNull(result.Answer);
        Assert.Equal((11L, 55L), (guard.Committed.Calls, guard.Committed.OutputTokens));
    }

    [Fact]
    public void TokenCounter_CountsWithTiktokenVocabulary()
    {
        Assert.Equal(2, TokenCounter.Count("Hello world"));
        Assert.True(TokenCounter.Count([new ChatTurn("user", "Hello world")]) > 2);
    }
}
