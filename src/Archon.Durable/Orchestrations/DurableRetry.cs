using Archon.Durable.Contracts;
using Microsoft.DurableTask;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// The one Durable retry declaration. Model/provider errors are retried inside the provider stack
/// (ChatClientModelInvoker's resilience pipeline) and come back as a failed <c>ModelCallResult</c>, so this policy
/// only covers activity infrastructure failures (worker crash, lost work item, store hiccup). Stacking a second
/// provider-level retry here would multiply attempts (3 × 3) and cost.
/// </summary>
public static class DurableRetry
{
    public static TaskOptions Activity { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 3,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        // Bad input stays bad: fail at once instead of three times.
        HandleFailure = failure => !failure.IsCausedBy<ArchonInputException>(),
    });
}
