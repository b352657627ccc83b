using Archon.Durable.Contracts;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Starts a search under its own id as the instance id, unless an instance with that id is still pending or running.
/// Used by POST /api/search and the timer trigger, so neither can start a second run of the same search.
/// A finished, failed or terminated instance is replaced: the search itself skips candidates already in the store.
/// </summary>
public static class SearchStarter
{
    public static async Task<SearchStartOutcome> StartAsync(DurableTaskClient client, SearchRequest request, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(request.SearchId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended })
        {
            return SearchStartOutcome.AlreadyRunning;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                SearchNames.Orchestration, request, new StartOrchestrationOptions(request.SearchId), cancellationToken).ConfigureAwait(false);
            return SearchStartOutcome.Started;
        }
        catch (Exception e) when (IsAlreadyExists(e))
        {
            // Lost a race with another starter between the check and the schedule.
            return SearchStartOutcome.AlreadyRunning;
        }
    }

    // The gRPC client (embedded host) reports RpcException with StatusCode=AlreadyExists; the Functions client throws
    // its own *AlreadyExists* type. Matched by name so this project needs no gRPC dependency.
    private static bool IsAlreadyExists(Exception e) =>
        e.GetType().Name.Contains("AlreadyExists", StringComparison.Ordinal) ||
        (e.GetType().Name == "RpcException" && e.Message.Contains("StatusCode=\"AlreadyExists\"", StringComparison.Ordinal));
}

public enum SearchStartOutcome
{
    Started,
    AlreadyRunning,
}
