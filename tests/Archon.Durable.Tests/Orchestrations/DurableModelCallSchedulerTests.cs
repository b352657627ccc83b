using Archon.Durable.Orchestrations;

namespace Archon.Durable.Tests.Orchestrations;

public sealed class DurableModelCallSchedulerTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(32, 32)]
    [InlineData(33, 32)]
    [InlineData(1000, 32)]
    public void ChunkSizes_AnyCount_AtMostTheLimitCoveringEveryCallEvenly(int calls, int chunks)
    {
        var sizes = DurableModelCallScheduler.ChunkSizes(calls);

        Assert.Equal(chunks, sizes.Count);
        Assert.Equal(calls, sizes.Sum());
        if (sizes.Count > 0)
        {
            Assert.InRange(sizes.Max() - sizes.Min(), 0, 1);
            Assert.True(sizes.Min() >= 1);
        }
    }
}
