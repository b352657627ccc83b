using System.Text.Json;
using Archon.Core.Storage;

namespace Archon.Durable.Activities;

/// <summary>
/// The stored calls of one inference as their JSON bytes, by call id, wherever the model-call activities put them: the
/// batch blobs named (each read once, 8 at a time: a 2,001-call trace spans 64 of them) or, for a call that ran on its
/// own, its own blob. SaveTrace copies the entries into the trace verbatim (deserializing 2,000 entries only to
/// serialize them again was most of its time); <see cref="StoredCalls"/> deserializes just the ones it needs. An
/// entry's bytes are exactly what the serializer wrote for it (same options), so the trace is byte for byte the
/// document serializing the entries would give.
/// </summary>
internal static class StoredCallsRaw
{
    public static async Task<Dictionary<string, ReadOnlyMemory<byte>>> ReadAsync(
        IResultStore store, string instanceId, IReadOnlyList<string> callIds, IReadOnlyList<string>? batches, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(callIds, StringComparer.Ordinal);
        var found = new Dictionary<string, ReadOnlyMemory<byte>>(wanted.Count, StringComparer.Ordinal);
        var loaded = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        // A batch blob that is missing (an orchestration started before batches were stored this way) is not an error here:
        // its calls are then looked up one by one below, and only a call found nowhere fails.
        await Parallel.ForEachAsync((batches ?? []).Distinct(StringComparer.Ordinal), parallel, async (batch, ct) =>
        {
            var blob = BlobLayout.CallBatch(instanceId, batch);
            if (await store.GetBytesAsync(blob.Container, blob.Name, ct).ConfigureAwait(false) is { } bytes)
            {
                loaded[batch] = bytes;
            }
        }).ConfigureAwait(false);
        foreach (var (batch, bytes) in loaded)
        {
            foreach (var (callId, entry) in Entries(bytes, $"batch blob {batch} of {instanceId}"))
            {
                if (wanted.Contains(callId))
                {
                    found[callId] = entry;
                }
            }
        }

        foreach (var callId in wanted.Where(id => !found.ContainsKey(id)).ToList())
        {
            var blob = BlobLayout.CallEntry(instanceId, callId);
            found[callId] = await store.GetBytesAsync(blob.Container, blob.Name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"call {callId} of {instanceId}: not found in {store.Location}");
        }

        return found;
    }

    /// <summary>Each element of a stored JSON array of trace entries: its <c>request.callId</c> and its exact bytes.</summary>
    internal static IEnumerable<(string CallId, ReadOnlyMemory<byte> Entry)> Entries(byte[] array, string what)
    {
        var reader = new Utf8JsonReader(array);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidOperationException($"{what}: not a JSON array of trace entries");
        }

        var entries = new List<(string, ReadOnlyMemory<byte>)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var start = (int)reader.TokenStartIndex;
            var callId = CallIdOf(ref reader) ?? throw new InvalidOperationException($"{what}: an entry has no request.callId");
            entries.Add((callId, array.AsMemory(start, (int)reader.BytesConsumed - start)));
        }

        return entries;
    }

    // Reads one entry object to its end; returns request.callId. The reader starts on the entry's StartObject.
    private static string? CallIdOf(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        string? callId = null;
        var inRequest = false;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.CurrentDepth == depth + 1)
            {
                inRequest = reader.ValueTextEquals("request"u8);
            }
            else if (inRequest && reader.CurrentDepth == depth + 2 && reader.ValueTextEquals("callId"u8) && reader.Read())
            {
                callId = reader.GetString();
            }
        }

        return callId;
    }
}
