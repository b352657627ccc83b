using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Archon.Core.Streaming;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Archon.Hosting.Storage;

/// <summary>
/// <see cref="IStreamRelay"/> on Blob Storage for the Functions app, where the model-call activity and the HTTP request
/// that streams its tokens may run on different instances: one append blob per stream
/// (<c>archon-streams/{streamId}.jsonl</c>), one JSON line per event, one append block per batch (the writer
/// coalesces tokens while an append is in flight, so this is one round trip per batch, not per token). Readers keep a
/// byte cursor per stream and download only the new range. Waiting readers poll with backoff per stream: every
/// <see cref="MinPollInterval"/> while events keep coming (the final stage is streaming: its first event, Restart,
/// is written when the call starts, so its first token is caught within one short interval), doubling up to
/// <see cref="MaxPollInterval"/> while the stream is silent (earlier layers running), which keeps storage
/// transactions low during long runs.
/// </summary>
public sealed class BlobStreamRelay(BlobServiceClient service, TimeProvider? timeProvider = null) : IStreamRelay
{
    public const string Container = "archon-streams";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, Cursor> _cursors = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Lazy<Task> _created = new(() => service.GetBlobContainerClient(Container).CreateIfNotExistsAsync());

    /// <summary>Poll interval of a waiting reader right after events arrived (default 20 ms).</summary>
    public TimeSpan MinPollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest poll interval of a waiting reader on a silent stream (default 250 ms).</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The interval after <paramref name="previous"/>: back to the minimum when events arrived, else doubled up to the maximum.</summary>
    public static TimeSpan NextPollInterval(TimeSpan previous, bool eventsArrived, TimeSpan min, TimeSpan max) =>
        eventsArrived || previous < min ? min : previous * 2 > max ? max : previous * 2;

    public async Task AppendAsync(string streamId, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        await _created.Value.ConfigureAwait(false);
        var blob = Blob(streamId);
        var lines = string.Concat(events.Select(e => JsonSerializer.Serialize(e, Json) + "\n"));
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(lines));
        try
        {
            await blob.AppendBlockAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            content.Position = 0;
            await blob.AppendBlockAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<StreamEvent>> ReadAsync(string streamId, int from, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + wait;
        var cursor = _cursors.GetOrAdd(streamId, _ => new Cursor());
        while (true)
        {
            var known = cursor.Count;
            var events = await ReadNewAsync(streamId, cancellationToken).ConfigureAwait(false);
            cursor.Interval = NextPollInterval(cursor.Interval, events.Count > known, MinPollInterval, MaxPollInterval);
            var left = deadline - _time.GetUtcNow();
            if (events.Count > from || left <= TimeSpan.Zero)
            {
                return events.Count > from ? events.Skip(from).ToList() : [];
            }

            await Task.Delay(cursor.Interval < left ? cursor.Interval : left, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(string streamId, CancellationToken cancellationToken)
    {
        _cursors.TryRemove(streamId, out _);
        await Blob(streamId).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private AppendBlobClient Blob(string streamId) =>
        service.GetBlobContainerClient(Container).GetAppendBlobClient($"{streamId}.jsonl");

    /// <summary>All events of the stream known so far, after fetching the bytes appended since the last read.</summary>
    private async Task<IReadOnlyList<StreamEvent>> ReadNewAsync(string streamId, CancellationToken cancellationToken)
    {
        var cursor = _cursors.GetOrAdd(streamId, _ => new Cursor());
        await cursor.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                var download = await Blob(streamId).DownloadContentAsync(
                    new BlobDownloadOptions { Range = new HttpRange(cursor.Bytes) }, cancellationToken).ConfigureAwait(false);
                var bytes = download.Value.Content.ToArray();
                // Blocks hold whole lines, so a range that starts at a block boundary parses line by line.
                var text = Encoding.UTF8.GetString(bytes);
                var complete = text.LastIndexOf('\n') + 1;
                foreach (var line in text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    cursor.Events.Add(JsonSerializer.Deserialize<StreamEvent>(line, Json)!);
                }

                cursor.Bytes += Encoding.UTF8.GetByteCount(text[..complete]);
                cursor.Counted();
            }
            catch (RequestFailedException e) when (e.Status is 404 or 416)
            {
                // 404: nothing written yet; 416: no bytes after the cursor.
            }

            return cursor.Events.ToList();
        }
        finally
        {
            cursor.Gate.Release();
        }
    }

    private sealed class Cursor
    {
        private int _count;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long Bytes { get; set; }

        public List<StreamEvent> Events { get; } = [];

        /// <summary>Events known (read without the gate: a stale value only means one extra short poll).</summary>
        public int Count => Volatile.Read(ref _count);

        public TimeSpan Interval { get; set; }

        public void Counted() => Volatile.Write(ref _count, Events.Count);
    }
}
