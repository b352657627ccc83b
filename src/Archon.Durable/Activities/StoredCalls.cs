using Archon.Core.Execution;
using Archon.Core.Storage;

namespace Archon.Durable.Activities;

/// <summary>
/// Reads stored model calls of one inference by call id, wherever the model-call activities put them: the batch blobs
/// named (each read once, whatever number of its calls is wanted) or, for a call that ran on its own, its own blob.
/// </summary>
internal static class StoredCalls
{
    public static async Task<Dictionary<string, TraceEntry>> ReadAsync(
        IResultStore store, string instanceId, IReadOnlyList<string> callIds, IReadOnlyList<string>? batches, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(callIds, StringComparer.Ordinal);
        var found = new Dictionary<string, TraceEntry>(wanted.Count, StringComparer.Ordinal);
        // Batch blobs are read 8 at a time: a 2,001-call trace spans 64 of them, and one-by-one reads were most of SaveTrace.
        var loaded = new System.Collections.Concurrent.ConcurrentDictionary<string, List<TraceEntry>>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        // A batch blob that is missing (an orchestration started before batches were stored this way) is not an error here:
        // its calls are then looked up one by one below, and only a call found nowhere fails.
        await Parallel.ForEachAsync((batches ?? []).Distinct(StringComparer.Ordinal), parallel,
            async (batch, ct) => loaded[batch] = await store.GetJsonAsync<List<TraceEntry>>(BlobLayout.CallBatch(instanceId, batch), ct).ConfigureAwait(false)
                ?? []).ConfigureAwait(false);
        foreach (var entry in loaded.Values.SelectMany(e => e).Where(e => wanted.Contains(e.Request.CallId)))
        {
            found[entry.Request.CallId] = entry;
        }

        foreach (var callId in wanted.Where(id => !found.ContainsKey(id)).ToList())
        {
            found[callId] = await store.GetJsonAsync<TraceEntry>(BlobLayout.CallEntry(instanceId, callId), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"call {callId} of {instanceId}: not found in {store.Location}");
        }

        return found;
    }
}
