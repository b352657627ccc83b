using Archon.Bench.Scale;
using Archon.Core.Search;

namespace Archon.Bench.Tests.Scale;

public sealed class SearchScaleBenchmarkTests
{
    [Fact]
    public void Spec_DefaultOptions_IsAValidRandomSearchOfOneHundredByOneHundred()
    {
        var spec = SearchScaleBenchmark.Spec(new SearchScaleOptions());

        Assert.Null(SearchSpecLoader.Validate(spec));
        Assert.Equal("random", spec.Algorithm);
        Assert.Equal(100, spec.MaxEvaluations);
        Assert.Equal(100, spec.DevItems);
    }

    [Theory]
    [InlineData(0, 100, "--candidates")]
    [InlineData(100, 0, "--items")]
    public void Validate_BadCounts_NameTheOption(int candidates, int items, string option)
    {
        var problem = new SearchScaleOptions { Candidates = candidates, Items = items }.Validate();

        Assert.NotNull(problem);
        Assert.StartsWith(option + ":", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SmallSearch_EvaluatesEveryCandidateOnEveryItemAndIsLabelledSimulated()
    {
        var r = await SearchScaleBenchmark.RunAsync(new SearchScaleOptions { Candidates = 3, Items = 4, BatchSize = 3, TestItems = 2 }, default);

        Assert.Equal(3, r.Candidates);
        Assert.Equal(4, r.Items);
        Assert.True(r.Simulated);
        Assert.True(r.ModelCalls >= 3 * 4, $"{r.ModelCalls} model calls for 3 candidates × 4 items");
        // Both figures are rounded for display: they agree to within that rounding.
        Assert.InRange(r.CandidateItemsPerSecond / (3 * 4 / r.Seconds), 0.95, 1.05);
        Assert.True(r.PeakManagedMb > 0 && r.PeakRssMb >= r.PeakManagedMb, $"managed {r.PeakManagedMb} MB, RSS {r.PeakRssMb} MB");
    }
}
