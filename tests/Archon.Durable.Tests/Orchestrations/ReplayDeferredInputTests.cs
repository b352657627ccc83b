using System.Text.Json;
using Archon.Durable.Orchestrations;

namespace Archon.Durable.Tests.Orchestrations;

public sealed class ReplayDeferredInputTests
{
    private sealed record Payload(string Prompt, int Calls);

    [Fact]
    public void Serialize_Live_WritesTheBuiltValue()
    {
        var input = new ReplayDeferredInput(() => false, () => new Payload("hello", 3));

        var json = JsonSerializer.Serialize<object>(input);

        Assert.Equal(JsonSerializer.Serialize(new Payload("hello", 3)), json);
    }

    [Fact]
    public void Serialize_Replaying_WritesNullWithoutBuilding()
    {
        var builds = 0;
        var input = new ReplayDeferredInput(() => true, () => new Payload($"built {++builds}", 1));

        var json = JsonSerializer.Serialize<object>(input);

        Assert.Equal("null", json);
        Assert.Equal(0, builds);
    }

    [Fact]
    public void Serialize_ReplayedThenScheduledAgainLive_BuildsTheRealValueOnce()
    {
        // The retry handler keeps the input of a replayed first attempt and schedules it again in a live episode.
        var replaying = true;
        var builds = 0;
        var input = new ReplayDeferredInput(() => replaying, () => new Payload($"built {++builds}", 1));

        var replayed = JsonSerializer.Serialize<object>(input);
        replaying = false;
        var retried = JsonSerializer.Serialize<object>(input);
        var retriedAgain = JsonSerializer.Serialize<object>(input);

        Assert.Equal("null", replayed);
        Assert.Equal(JsonSerializer.Serialize(new Payload("built 1", 1)), retried);
        Assert.Equal(retried, retriedAgain);
        Assert.Equal(1, builds);
    }

    [Fact]
    public void Deserialize_AsTheWrapper_IsRefusedWithAClearMessage()
    {
        var error = Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<ReplayDeferredInput>("{}"));

        Assert.Contains("never read back", error.Message);
    }
}
