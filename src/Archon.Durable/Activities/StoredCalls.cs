using System.Text.Json;
using Archon.Core.Execution;
using Archon.Core.Storage;

namespace Archon.Durable.Activities;

/// <summary>
/// Reads stored model calls of one inference by call id, wherever the model-call activities put them: the batch blobs
/// named (each read once, whatever number of its calls is wanted) or, for a call that ran on its own, its own blob.
/// Only the wanted entries are deserialized (<see cref="StoredCallsRaw"/> finds them in the blobs' bytes).
/// </summary>
internal static class StoredCalls
{
    public static async Task<Dictionary<string, TraceEntry>> ReadAsync(
        IResultStore store, string instanceId, IReadOnlyList<string> callIds, IReadOnlyList<string>? batches, CancellationToken cancellationToken)
    {
        var raw = await StoredCallsRaw.ReadAsync(store, instanceId, callIds, batches, cancellationToken).ConfigureAwait(false);
        return raw.ToDictionary(
            r => r.Key,
            r => JsonSerializer.Deserialize<TraceEntry>(r.Value.Span, StoreJson.Options)
                ?? throw new InvalidOperationException($"call {r.Key} of {instanceId}: the stored entry is empty"),
            StringComparer.Ordinal);
    }
}
