using Archon.Durable.Contracts;
using Microsoft.DurableTask;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// The Durable retry declarations, one per level. Model/provider errors are retried inside the provider stack
/// (the resilience client) and come back as a failed <c>ModelCallResult</c>, so <see cref="Activity"/> only covers
/// activity infrastructure failures (worker crash, lost work item, store hiccup). <see cref="SubOrchestration"/> never
/// retries a sub-orchestration because one of its activities failed: that activity already used its own retries, and
/// retrying the parent would multiply them (3 × 3). Neither level retries what cannot change on a second attempt
/// (<see cref="DurableFailures.IsPermanent"/>: bad input, failed validation, programming errors).
/// </summary>
public static class DurableRetry
{
    public const int ActivityAttempts = 3;

    public const int SubOrchestrationAttempts = 2;

    public static TaskOptions Activity { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: ActivityAttempts,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = ShouldRetryActivity,
    });

    /// <summary>For <c>CallSubOrchestratorAsync</c>; combine with an explicit instance id via <see cref="SubOrchestrationOptions"/>.</summary>
    public static RetryPolicy SubOrchestrationPolicy { get; } = new(
        maxNumberOfAttempts: SubOrchestrationAttempts,
        firstRetryInterval: TimeSpan.FromSeconds(2),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = ShouldRetrySubOrchestration,
    };

    /// <summary>Options for a sub-orchestration with the given explicit instance id.</summary>
    public static SubOrchestrationOptions SubOrchestration(string instanceId) =>
        new(TaskOptions.FromRetryPolicy(SubOrchestrationPolicy), instanceId);

    public static bool ShouldRetryActivity(TaskFailureDetails failure) => !DurableFailures.IsPermanent(failure);

    /// <summary>Only the sub-orchestration's own transient failures; a failed activity inside it has been retried already.</summary>
    public static bool ShouldRetrySubOrchestration(TaskFailureDetails failure) =>
        !DurableFailures.IsPermanent(failure) && !DurableFailures.IsTaskFailure(failure);
}
