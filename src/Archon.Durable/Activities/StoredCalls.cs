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
        foreach (var batch in (batches ?? []).Distinct(StringComparer.Ordinal))
        {
            var entries = await store.GetJsonAsync<List<TraceEntry>>(BlobLayout.CallBatch(instanceId, batch), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"batch {batch} of {instanceId}: not found in {store.Location}");
            foreach (var entry in entries.Where(e => wanted.Contains(e.Request.CallId)))
            {
                found[entry.Request.CallId] = entry;
            }
        }

        foreach (var callId in wanted.Where(id => !found.ContainsKey(id)).ToList())
        {
            found[callId] = await store.GetJsonAsync<TraceEntry>(BlobLayout.CallEntry(instanceId, callId), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"call {callId} of {instanceId}: not found in {store.Location}");
        }

        return found;
    }
}
