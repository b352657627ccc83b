using Archon.Core.Search;
using Archon.Durable.Contracts;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Body of the timer trigger: starts the configured search unless it is already running (same id → skipped).
/// A plain class so tests call it with a real <see cref="DurableTaskClient"/>.
/// </summary>
public sealed class ScheduledSearchTrigger(ScheduledSearchOptions options, ILogger<ScheduledSearchTrigger> logger)
{
    public async Task<ScheduledSearchResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.SpecJson))
        {
            logger.LogInformation("Scheduled search: ARCHON_SEARCH_SPEC is not set; nothing to start");
            return new ScheduledSearchResult(options.SearchId, ScheduledSearchStatus.NotConfigured, "ARCHON_SEARCH_SPEC: not set");
        }

        try
        {
            SearchSpecLoader.Parse(options.SpecJson, "ARCHON_SEARCH_SPEC");
        }
        catch (SearchSpecException e)
        {
            logger.LogError("Scheduled search: {Message}", e.Message);
            return new ScheduledSearchResult(options.SearchId, ScheduledSearchStatus.InvalidSpec, e.Message);
        }

        var outcome = await SearchStarter.StartAsync(client, new SearchRequest(options.SearchId, options.SpecJson), cancellationToken).ConfigureAwait(false);
        if (outcome == SearchStartOutcome.AlreadyRunning)
        {
            logger.LogInformation("Scheduled search {SearchId} is still running; not starting another", options.SearchId);
            return new ScheduledSearchResult(options.SearchId, ScheduledSearchStatus.AlreadyRunning, "a run with this id is still running");
        }

        logger.LogInformation("Scheduled search {SearchId} started", options.SearchId);
        return new ScheduledSearchResult(options.SearchId, ScheduledSearchStatus.Started, "started");
    }
}

public sealed record ScheduledSearchResult(string SearchId, ScheduledSearchStatus Status, string Message);

public enum ScheduledSearchStatus
{
    Started,
    AlreadyRunning,
    NotConfigured,
    InvalidSpec,
}
