using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Archon.LocalHost.Inline;

/// <summary>
/// One orchestration run by <see cref="InlineInferenceClient"/>: its status as the Durable client reports it
/// (<see cref="Metadata"/>) and its external events, buffered until the orchestrator waits for them (as Durable does).
/// </summary>
internal sealed class InlineInstance(TaskName name, string instanceId, string? serializedInput, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<string?>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<TaskCompletionSource<string?>>> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OrchestrationRuntimeStatus _status = OrchestrationRuntimeStatus.Running;
    private string? _output;
    private string? _customStatus;
    private TaskFailureDetails? _failure;
    private readonly DateTimeOffset _createdAt = createdAt;
    private DateTimeOffset _updatedAt = createdAt;

    public string InstanceId => instanceId;

    public string? SerializedInput => serializedInput;

    /// <summary>Completes when the orchestration reaches a terminal status.</summary>
    public Task Completion => _done.Task;

    public bool IsFinished => _done.Task.IsCompleted;

    public void SetCustomStatus(string? serialized, DateTimeOffset at)
    {
        lock (_gate)
        {
            _customStatus = serialized;
            _updatedAt = at;
        }
    }

    /// <summary>Sets the terminal status once; later calls (a terminated run that finishes anyway) change nothing.</summary>
    public bool Finish(OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_done.Task.IsCompleted)
            {
                return false;
            }

            (_status, _output, _failure, _updatedAt) = (status, output, failure, at);
        }

        _done.TrySetResult();
        return true;
    }

    public void Raise(string eventName, string? payload)
    {
        TaskCompletionSource<string?>? waiter = null;
        lock (_gate)
        {
            if (_waiting.TryGetValue(eventName, out var waiters) && waiters.Count > 0)
            {
                waiter = waiters.Dequeue();
            }
            else
            {
                (_buffered.TryGetValue(eventName, out var queue) ? queue : _buffered[eventName] = new()).Enqueue(payload);
            }
        }

        waiter?.TrySetResult(payload);
    }

    public Task<string?> WaitForEventAsync(string eventName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_buffered.TryGetValue(eventName, out var queue) && queue.Count > 0)
            {
                return Task.FromResult(queue.Dequeue());
            }

            var waiter = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            (_waiting.TryGetValue(eventName, out var waiters) ? waiters : _waiting[eventName] = new()).Enqueue(waiter);
            return cancellationToken.CanBeCanceled ? waiter.Task.WaitAsync(cancellationToken) : waiter.Task;
        }
    }

    public OrchestrationMetadata Metadata(bool includeInputsAndOutputs, DataConverter converter)
    {
        lock (_gate)
        {
            return new OrchestrationMetadata(name.Name, instanceId)
            {
                RuntimeStatus = _status,
                CreatedAt = _createdAt,
                LastUpdatedAt = _updatedAt,
                SerializedInput = includeInputsAndOutputs ? serializedInput : null,
                SerializedOutput = includeInputsAndOutputs ? _output : null,
                SerializedCustomStatus = _customStatus,
                FailureDetails = _failure,
                DataConverter = converter,
            };
        }
    }
}
