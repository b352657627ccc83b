using Archon.Core.Streaming;

namespace Archon.Http.Tests;

public sealed class StreamShaperTests
{
    [Fact]
    public void Apply_TokensWithSurroundingWhitespace_SendsExactlyTheTrimmedAnswer()
    {
        var shaper = new StreamShaper();

        var sent = new[] { "\n ", "Four", " is ", "\n", "right.", " \n" }.Select(t => shaper.Apply(StreamEvent.Delta(t))).ToList();

        Assert.Equal([null, "Four", " is", null, " \nright.", null], sent);
        Assert.Equal("", shaper.Remainder("Four is \nright."));
    }

    [Fact]
    public void Apply_RestartThatAgrees_SendsOnlyTheNewText()
    {
        var shaper = new StreamShaper();
        shaper.Apply(StreamEvent.Delta("Four is"));

        shaper.Apply(new StreamEvent(StreamEventKinds.Restart));
        var again = shaper.Apply(StreamEvent.Delta("Four"));
        var more = shaper.Apply(StreamEvent.Delta(" is right"));

        Assert.Null(again);
        Assert.Equal(" right", more);
        Assert.False(shaper.Diverged);
    }

    [Fact]
    public void Apply_RestartThatDiffers_StopsAndRemainderIsNull()
    {
        var shaper = new StreamShaper();
        shaper.Apply(StreamEvent.Delta("Four"));

        shaper.Apply(new StreamEvent(StreamEventKinds.Restart));
        var other = shaper.Apply(StreamEvent.Delta("Five is wrong"));

        Assert.Null(other);
        Assert.True(shaper.Diverged);
        Assert.Null(shaper.Remainder("Five is wrong"));
    }
}
