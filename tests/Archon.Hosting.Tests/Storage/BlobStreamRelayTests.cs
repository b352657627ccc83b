using Archon.Core.Streaming;
using Archon.Hosting.Storage;
using Azure.Storage.Blobs;

namespace Archon.Hosting.Tests.Storage;

/// <summary>The Blob Storage relay (append blob per stream) against a real Azurite, written and read by separate instances.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobStreamRelayTests(AzuriteFixture azurite)
{
    private readonly string _stream = $"chatcmpl-{Guid.NewGuid():N}";

    [Fact]
    public async Task ReadAsync_AnotherInstanceAppends_SeesEventsInOrderFromAnyIndex()
    {
        var writer = new BlobStreamRelay(new BlobServiceClient(azurite.ConnectionString));
        var reader = new BlobStreamRelay(new BlobServiceClient(azurite.ConnectionString)) { MinPollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(20) };

        await writer.AppendAsync(_stream, [new StreamEvent(StreamEventKinds.Restart), StreamEvent.Delta("Two")], CancellationToken.None);
        var first = await reader.ReadAsync(_stream, 0, TimeSpan.Zero, CancellationToken.None);
        await writer.AppendAsync(_stream, [StreamEvent.Delta(" plus \"two\"\n"), new StreamEvent(StreamEventKinds.End)], CancellationToken.None);
        var rest = await reader.ReadAsync(_stream, first.Count, TimeSpan.FromSeconds(10), CancellationToken.None);
        var fromScratch = await new BlobStreamRelay(new BlobServiceClient(azurite.ConnectionString)).ReadAsync(_stream, 1, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal([StreamEventKinds.Restart, StreamEventKinds.Delta], first.Select(e => e.Kind));
        Assert.Equal([" plus \"two\"\n", null], rest.Select(e => e.Text));
        Assert.Equal(["Two", " plus \"two\"\n", null], fromScratch.Select(e => e.Text));
    }

    [Fact]
    public async Task ReadAsync_WaitingReader_WakesWhenTheWriterAppends()
    {
        var relay = new BlobStreamRelay(new BlobServiceClient(azurite.ConnectionString)) { MinPollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(20) };
        var waiting = relay.ReadAsync(_stream, 0, TimeSpan.FromSeconds(30), CancellationToken.None);

        await new BlobStreamRelay(new BlobServiceClient(azurite.ConnectionString)).AppendAsync(_stream, [StreamEvent.Delta("hi")], CancellationToken.None);
        var events = await waiting;

        Assert.Equal("hi", Assert.Single(events).Text);
    }

    [Theory]
    [InlineData(0, false, 20)]
    [InlineData(20, false, 40)]
    [InlineData(160, false, 250)]
    [InlineData(250, false, 250)]
    [InlineData(250, true, 20)]
    public void NextPollInterval_SilenceDoublesUpToTheMaximumAndEventsResetIt(int previousMs, bool eventsArrived, int expectedMs)
    {
        var next = BlobStreamRelay.NextPollInterval(
            TimeSpan.FromMilliseconds(previousMs), eventsArrived, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(250));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), next);
    }

    [Fact]
    public async Task ReadAsync_UnknownStream_IsEmptyAndDeleteIgnoresIt()
    {
        var relay = new BlobStreamRelay(new BlobServiceClient(azurite.ConnectionString));

        var events = await relay.ReadAsync(_stream, 0, TimeSpan.Zero, CancellationToken.None);
        await relay.DeleteAsync(_stream, CancellationToken.None);

        Assert.Empty(events);
    }
}
