using System.Text.Json.Serialization;
using Microsoft.DurableTask;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// An activity input that is built and serialized only when it will be recorded. On replay the framework matches each
/// scheduled activity with its <c>TaskScheduled</c> event by id and name and drops the new input: the activity runs with
/// the input recorded the first time. Yet the input is built and serialized again on every replay; for a 1,000-call layer
/// that was a fifth of the orchestrator's CPU, on every episode. This wrapper serializes as its built value while the
/// orchestration is live and as <c>null</c> while it replays (<see cref="ReplayDeferredInputConverter"/>).
/// Why not pass <c>null</c> on replay directly: the framework's retry handler keeps the input it was first given and
/// schedules it again when an attempt fails, possibly in a live episode; this wrapper builds the real value then.
/// <paramref name="build"/> must be pure and capture only values that do not change later (it may run episodes later).
/// </summary>
[JsonConverter(typeof(ReplayDeferredInputConverter))]
public sealed class ReplayDeferredInput(Func<bool> replaying, Func<object> build)
{
    private object? _built;

    /// <summary>The input <paramref name="build"/> makes, deferred while <paramref name="context"/> replays.</summary>
    public ReplayDeferredInput(TaskOrchestrationContext context, Func<object> build)
        : this(() => context.IsReplaying, build)
    {
    }

    /// <summary>True while the orchestration replays recorded history: the input would be discarded.</summary>
    public bool Replaying => replaying();

    /// <summary>The input (built once, on first use).</summary>
    public object Value => _built ??= build();
}
