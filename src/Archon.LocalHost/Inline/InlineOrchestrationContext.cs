using Archon.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archon.LocalHost.Inline;

/// <summary>
/// A <see cref="TaskOrchestrationContext"/> that runs an orchestrator's activities directly, once each, with no
/// history and no replay (<see cref="IsReplaying"/> is always false). Activities are the host's own classes, resolved
/// from its services; inputs and outputs go through the Durable data converter exactly as they would through history,
/// and declared retry policies apply as Durable applies them. The orchestrator runs on an exclusive scheduler, so its
/// code never runs on two threads at once (the single-threaded guarantee Durable gives it).
/// Sub-orchestrations, ContinueAsNew, entities and outgoing events are not supported: the inference orchestration,
/// the only one run inline, uses none of them.
/// </summary>
internal sealed class InlineOrchestrationContext(
    TaskName name, InlineInstance instance, IServiceProvider services, TimeProvider time, DataConverter converter) : TaskOrchestrationContext
{
    private static readonly Dictionary<string, Type> Activities =
        ArchonDurableTasks.Activities.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    private int _nextTaskId;

    public override TaskName Name => name;

    public override string InstanceId => instance.InstanceId;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => time.GetUtcNow().UtcDateTime;

    public override bool IsReplaying => false;

    public override TaskOrchestrationEntityFeature Entities =>
        throw new NotSupportedException("entities are not available to an inline orchestration");

    protected override ILoggerFactory LoggerFactory => services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;

    public override T GetInput<T>() => converter.Deserialize<T>(instance.SerializedInput)!;

    public override Guid NewGuid() => Guid.NewGuid();

    public override void SetCustomStatus(object? customStatus) => instance.SetCustomStatus(converter.Serialize(customStatus), time.GetUtcNow());

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var due = fireAt - CurrentUtcDateTime;
        return due <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(due, time, cancellationToken);
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        converter.Deserialize<T>(await instance.WaitForEventAsync(eventName, cancellationToken))!;

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        throw new NotSupportedException("an inline orchestration cannot send events to other orchestrations");

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        throw new NotSupportedException("an inline orchestration cannot continue as new");

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw new NotSupportedException($"an inline orchestration cannot start sub-orchestration {orchestratorName.Name}");

    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var taskId = _nextTaskId++;
        if (!Activities.TryGetValue(name.Name, out var type))
        {
            throw new TaskFailedException(name.Name, taskId, new InvalidOperationException($"activity {name.Name} is not registered"));
        }

        if (options?.Retry?.Handler is not null)
        {
            throw new NotSupportedException($"activity {name.Name}: custom retry handlers are not supported inline; declare a RetryPolicy");
        }

        // Serialized here, on the orchestrator's thread, as Durable serializes the input when the activity is scheduled.
        var serialized = converter.Serialize(input);
        var policy = options?.Retry?.Policy;
        var delay = policy?.FirstRetryInterval ?? TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Off the orchestrator's scheduler: the activity's synchronous part must not hold up other branches.
                var output = await Task.Run(() => RunActivityAsync(type, name, serialized));
                return converter.Deserialize<TResult>(output)!;
            }
            catch (Exception error)
            {
                if (policy is null || attempt >= policy.MaxNumberOfAttempts || !policy.Handle(CoreFailure(name, taskId, error)))
                {
                    throw new TaskFailedException(name.Name, taskId, error);
                }

                await Task.Delay(delay, time);
                var next = TimeSpan.FromTicks((long)(delay.Ticks * policy.BackoffCoefficient));
                delay = next > policy.MaxRetryInterval ? policy.MaxRetryInterval : next;
            }
        }
    }

    // The policy's filter (HandleFailure) is only reachable through Handle, which expects the failure as the Durable
    // runtime reports it: DurableTask.Core's TaskFailedException carrying the activity's failure details.
    private static global::DurableTask.Core.Exceptions.TaskFailedException CoreFailure(TaskName name, int taskId, Exception error) =>
        new(0, taskId, name.Name, null, error.Message, error) { FailureDetails = new global::DurableTask.Core.FailureDetails(error) };

    private async Task<string?> RunActivityAsync(Type type, TaskName name, string? serialized)
    {
        var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(services, type);
        var input = serialized is null ? null : converter.Deserialize(serialized, activity.InputType);
        var output = await activity.RunAsync(new InlineActivityContext(name, instance.InstanceId), input).ConfigureAwait(false);
        return converter.Serialize(output);
    }
}
