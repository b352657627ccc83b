namespace Archon.Core.Execution;

/// <summary>
/// Optional callbacks of <see cref="ArchitectureRunner.RunAsync"/>, so hosts reuse the one inference loop: a durable
/// orchestration sets its custom status when a layer starts and records telemetry when it ends. Callbacks run inside
/// the loop (in an orchestrator: deterministic code only). A callback that throws ends the run.
/// </summary>
public sealed class RunHooks
{
    /// <summary>Before layer <c>index</c> (0-based) starts.</summary>
    public Action<int>? LayerStarting { get; init; }

    /// <summary>After a layer finished, with its calls (in issue order) and the state it produced.</summary>
    public Action<LayerOutcome>? LayerFinished { get; init; }

    /// <summary>When true, a layer whose every model call failed ends the run with <see cref="ModelCallsFailedException"/>
    /// (the durable rule: nothing useful can follow, and the failure details name the providers' errors). Default false:
    /// in process, later layers see no candidates and the notes say why.</summary>
    public bool StopWhenEveryCallFails { get; init; }
}

/// <summary>What one layer did: its 0-based index, the model calls it made and the state after it.</summary>
public sealed record LayerOutcome(int Layer, IReadOnlyList<TraceEntry> Calls, QueryState State)
{
    public int FailedCalls => Calls.Count(e => !e.Result.Succeeded);
}
