using System.Collections.Concurrent;
using System.Text;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Serializing;

namespace Archon.LocalHost;

/// <summary>
/// Measures orchestration history as a durable backend would persist it: after every orchestration episode the whole
/// event list is serialized with DurableTask.Core's own JSON converter and its size recorded per instance (the last
/// episode's figure is the final history). Opt-in (<see cref="EmbeddedDurableHostOptions.HistoryMeter"/>), because it
/// re-serializes the history on every episode; benches and tests use it to keep "refs, not payloads" honest.
/// </summary>
public sealed class OrchestrationHistoryMeter
{
    private readonly ConcurrentDictionary<string, OrchestrationHistorySize> _sizes = new(StringComparer.Ordinal);

    /// <summary>History size of <paramref name="instanceId"/>, or null when it never ran in this host.</summary>
    public OrchestrationHistorySize? Of(string instanceId) => _sizes.TryGetValue(instanceId, out var size) ? size : null;

    /// <summary>Every measured instance (an inference's sub-orchestrations are separate instances).</summary>
    public IReadOnlyDictionary<string, OrchestrationHistorySize> All => _sizes;

    internal void Record(OrchestrationRuntimeState state)
    {
        var instanceId = state.OrchestrationInstance?.InstanceId;
        if (instanceId is null)
        {
            return;
        }

        var events = state.Events;
        var bytes = Encoding.UTF8.GetByteCount(JsonDataConverter.Default.Serialize(events));
        var payload = events.Sum(e => (long)Encoding.UTF8.GetByteCount(Payload(e) ?? ""));
        _sizes[instanceId] = new OrchestrationHistorySize(events.Count, bytes, payload);
    }

    private static string? Payload(HistoryEvent e) => e switch
    {
        ExecutionStartedEvent s => s.Input,
        TaskScheduledEvent s => s.Input,
        TaskCompletedEvent c => c.Result,
        TaskFailedEvent f => f.Details,
        SubOrchestrationInstanceCreatedEvent s => s.Input,
        SubOrchestrationInstanceCompletedEvent c => c.Result,
        ExecutionCompletedEvent c => c.Result,
        EventRaisedEvent r => r.Input,
        _ => null,
    };
}

/// <summary>One instance's history: events, bytes of the serialized history, and bytes of inputs/outputs within it.</summary>
public sealed record OrchestrationHistorySize(int Events, long Bytes, long PayloadBytes);
