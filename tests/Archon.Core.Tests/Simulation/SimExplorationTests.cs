using Xunit.Abstractions;

namespace Archon.Core.Tests.Simulation;

public sealed class SimExplorationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("single-large-70b")]
    [InlineData("single-frontier")]
    [InlineData("large-70b-10-samples-rank-top1")]
    [InlineData("large-70b-10-samples-weak-fuser")]
    [InlineData("large-70b-10-samples-strong-fuser")]
    [InlineData("frontier-10-samples-rank-top1")]
    [InlineData("fleet-8-critic-rank-fuse")]
    [InlineData("frontier-5-samples-verify-fuse")]
    [InlineData("frontier-10-samples-unit-tests")]
    public async Task Explore(string arch)
    {
        var r = await SimExperiment.RunAsync(arch, SimExperiment.MathItems(1));
        output.WriteLine(arch + ": " + r.Summary.Format());
        var errors = r.Items.Where(i => i.Error is not null).Select(i => i.Error).Take(3).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
